package fr.inclusion93.structure.mediation;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static fr.inclusion93.security.testing.TestTokens.token;
import static fr.inclusion93.structure.mediation.MediationFiles.association;
import static fr.inclusion93.structure.mediation.MediationFiles.csv;
import static fr.inclusion93.structure.mediation.MediationFiles.library;
import static fr.inclusion93.structure.mediation.MediationFiles.with;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestRows;
import fr.inclusion93.structure.TestWrites;
import fr.inclusion93.structure.rest.StructureResponse;
import fr.inclusion93.structure.rest.StructureSearchPage;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/structures/imports: all rows or none, matched by pivot, the same file twice changes nothing. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class MediationImportTest {

    static final String IMPORTS = "/api/structures/imports";
    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    TestRows rows;

    @Test
    void aValidFileRegistersEveryRowAndTheSameFileAgainChangesNothing() {
        Map<String, String> library = library();
        Map<String, String> association = association();
        String file = csv(library, association);

        assertThat(importing(asAdmin(), file)).isEqualTo(new MediationImport.Report(2, 2, 0, 0));
        StructureResponse registered = bySiret(library.get("pivot"));
        long events = rows.outboxEvents(library.get("pivot"));
        long audits = rows.auditRecords(library.get("pivot"));

        assertThat(importing(asAdmin(), file)).isEqualTo(new MediationImport.Report(2, 0, 0, 2));
        assertThat(TestWrites.get(registered.id())).usingRecursiveComparison().isEqualTo(registered);
        assertThat(rows.outboxEvents(library.get("pivot"))).isEqualTo(events).isEqualTo(1);
        assertThat(rows.auditRecords(library.get("pivot"))).isEqualTo(audits).isEqualTo(1);
    }

    @Test
    void aRowIsReadAsTheRegistryStructureItDescribes() {
        Map<String, String> library = library();
        Map<String, String> association = association();

        importing(asAdmin(), csv(library, association));

        StructureResponse structure = bySiret(library.get("pivot"));
        assertThat(structure.name()).isEqualTo(library.get("nom"));
        assertThat(structure.legalKind()).as("a SIREN starting with 2 is a public body").isEqualTo("PUBLIC_COLLECTIVITY");
        assertThat(structure.type()).as("the first typology code the registry knows").isEqualTo("BIB");
        assertThat(structure.communeInsee()).isEqualTo("93027");
        assertThat(structure.eptSiren()).isEqualTo(TestTokens.PLAINE_COMMUNE);
        assertThat(structure.addressComplement()).isEqualTo("Rez-de-chaussée");
        assertThat(structure.latitude()).isEqualTo(48.92741);
        assertThat(structure.openingHours()).isEqualTo("Tu-Sa 10:00-12:30,14:00-18:00; PH off");
        assertThat(structure.services()).containsExactly("Aide aux démarches administratives",
                "Accès internet et matériel informatique");
        assertThat(structure.phone()).isEqualTo("+33149926150");
        assertThat(structure.email()).isEqualTo("mediatheques@lacourneuve.fr");
        assertThat(structure.website()).isEqualTo("https://www.lacourneuve.fr");
        StructureResponse byRna = search(Map.of("rna", association.get("pivot"))).items().get(0);
        assertThat(byRna.legalKind()).isEqualTo("ASSOCIATION");
        assertThat(byRna.communeInsee()).as("found by name and postal code").isEqualTo("93008");
    }

    @Test
    void aChangedRowChangesItsStructureOnlyAndKeepsWhatTheStandardDoesNotCarry() {
        Map<String, String> library = library();
        Map<String, String> association = association();
        importing(asAdmin(), csv(library, association));
        StructureResponse before = bySiret(library.get("pivot"));
        TestWrites.patch(before.id(), before.version(), Map.of("qpv", true, "qpvCode", "QP093005", "legalKind", "OTHER_PRIVATE"));

        MediationImport.Report report = importing(asAdmin(),
                csv(with(library, "horaires", "Mo-Fr 09:00-18:00", "typologie", "MUNI"), association));

        assertThat(report).isEqualTo(new MediationImport.Report(2, 0, 1, 1));
        StructureResponse after = bySiret(library.get("pivot"));
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.version()).isEqualTo(before.version() + 2);
        assertThat(after.openingHours()).isEqualTo("Mo-Fr 09:00-18:00");
        assertThat(after.type()).isEqualTo("MUNI");
        assertThat(after.qpvCode()).isEqualTo("QP093005");
        assertThat(after.legalKind()).isEqualTo("OTHER_PRIVATE");
    }

    @Test
    void aClosedStructureIsUpdatedAndStaysClosed() {
        Map<String, String> library = library();
        importing(asAdmin(), csv(library));
        StructureResponse closed = TestWrites.close(bySiret(library.get("pivot")).id());

        assertThat(importing(asAdmin(), csv(with(library, "nom", "Médiathèque rénovée"))))
                .isEqualTo(new MediationImport.Report(1, 0, 1, 0));

        StructureResponse after = TestWrites.get(closed.id());
        assertThat(after.status()).isEqualTo("CLOSED");
        assertThat(after.name()).isEqualTo("Médiathèque rénovée");
        assertThat(rows.structures(library.get("pivot"))).isEqualTo(1);
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesEveryErrorByRowAndColumn() {
        Map<String, String> good = library();
        Map<String, String> badPostalCode = with(library(), "code_postal", "93000");
        Map<String, String> badEverything = with(library(), "pivot", "21930027400013", "telephone", "01 49 92 61 50",
                "services", "Cours de cuisine", "latitude", "nord", "date_maj", "15/01/2021", "nom", "",
                "typologie", "BANQUE", "horaires", "tous les jours");

        Problem problem = refused(asAdmin(), csv(good, badPostalCode, badEverything), 422);

        assertThat(problem.title()).isEqualTo("Invalid file");
        assertThat(problem.detail()).isEqualTo(problem.errors().size() + " error(s) in the file; nothing was imported");
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly(
                "row 2: code_postal",
                "row 3: pivot", "row 3: nom", "row 3: latitude", "row 3: typologie", "row 3: telephone",
                "row 3: horaires", "row 3: date_maj", "row 3: services");
        assertThat(problem.errors().get(0).reason()).isEqualTo("does not serve La Courneuve (93027), which is served by 93120");
        assertThat(reasonOf(problem, "row 3: pivot")).isEqualTo("must be 14 digits with a valid SIRET checksum");
        assertThat(reasonOf(problem, "row 3: nom")).isEqualTo("is required");
        assertThat(reasonOf(problem, "row 3: typologie"))
                .isEqualTo("none of [BANQUE] is a type of structure of the registry (GET /api/structures/types)");
        assertThat(reasonOf(problem, "row 3: date_maj")).isEqualTo("is not a date (YYYY-MM-DD)");
        assertThat(reasonOf(problem, "row 3: horaires")).startsWith("is not in OpenStreetMap opening_hours syntax");
        assertThat(rows.structures(good.get("pivot"))).isZero();
        assertThat(rows.structures(badPostalCode.get("pivot"))).isZero();
    }

    @Test
    void aRegistryRuleBrokenByARowIsNamedByItsColumn() {
        Problem problem = refused(asAdmin(), csv(with(library(), "horaires", "tous les jours", "code_insee", "93999")), 422);

        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("row 1: code_insee", "row 1: horaires");
    }

    @Test
    void aPivotOrAnIdTwiceInAFileIsRefused() {
        Map<String, String> library = library();

        Problem problem = refused(asAdmin(), csv(library, with(library, "nom", "Autre nom")), 422);

        assertThat(problem.errors()).containsExactly(
                new FieldError("row 2: id", "is also the id of row 1: ids are unique in a file"),
                new FieldError("row 2: pivot", "is also the pivot of row 1: one row per structure"));
        assertThat(rows.structures(library.get("pivot"))).isZero();
    }

    @Test
    void anUnknownCommuneOrAPivotThatIsNeitherSiretNorRnaIsRefused() {
        Problem problem = refused(asAdmin(), csv(with(association(), "commune", "Reims", "code_postal", "51100"),
                with(library(), "pivot", "123456789")), 422);

        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("row 1: commune", "row 2: pivot");
        assertThat(problem.errors().get(0).reason())
                .isEqualTo("no commune of the registry named Reims is served by postal code 51100 (give code_insee)");
    }

    @Test
    void aHeaderThatIsNotTheStandardsIsRefused() {
        Map<String, String> row = library();
        row.remove("pivot");
        row.put("numero", "1");

        Problem problem = refused(asAdmin(), csv(row), 400);

        assertThat(problem.errors()).containsExactly(
                new FieldError("header", "column \"numero\" is not one of the standard's (lieux de médiation numérique 1.0.2)"),
                new FieldError("header", "required column pivot is missing"));
    }

    @Test
    void aFileThatIsNotCsvOrIsEmptyIsRefused() {
        Map<String, String> library = library();
        String file = csv(library);

        assertThat(refused(asAdmin(), "", 400).errors()).extracting(FieldError::field).containsExactly("body");
        assertThat(refused(asAdmin(), file + "\"unclosed,", 400).errors()).extracting(FieldError::field).containsExactly("body");
        assertThat(refused(asAdmin(), file + "\"one\",\"two\"\r\n", 422).errors())
                .containsExactly(new FieldError("row 2", "has 2 values where the header has 32 columns"));
        assertThat(rows.structures(library.get("pivot"))).isZero();
    }

    @Test
    void theContentTypeSaysWhichCharsetTheFileIsIn() {
        Map<String, String> library = library();
        byte[] latin1 = csv(library).getBytes(StandardCharsets.ISO_8859_1);

        asAdmin().contentType("text/csv; charset=windows-1252").body(latin1).post(IMPORTS).then().statusCode(200);

        assertThat(bySiret(library.get("pivot")).address()).isEqualTo("9 avenue du Général Leclerc");
        Problem problem = asAdmin().contentType("text/csv; charset=klingon").body(latin1).post(IMPORTS)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).containsExactly(
                new FieldError("Content-Type", "names a charset this service does not know: klingon"));
    }

    @Test
    void aPartnerImportsItsOwnTerritoryOnly() {
        Map<String, String> library = library(); // La Courneuve, Plaine Commune
        Map<String, String> association = association(); // Bobigny, Est Ensemble

        Problem problem = refused(as(partnerOf(TestTokens.PLAINE_COMMUNE)), csv(library, association), 403);

        assertThat(problem.detail()).isEqualTo("A partner imports structures of its own territory only; rows outside "
                + "yours: 2; nothing was imported");
        assertThat(rows.structures(library.get("pivot"))).isZero();
        assertThat(importing(as(partnerOf(TestTokens.PLAINE_COMMUNE)), csv(library)))
                .isEqualTo(new MediationImport.Report(1, 1, 0, 0));
    }

    @Test
    void readersCannotImport() {
        for (String role : List.of(Roles.AUDITOR, Roles.DASHBOARD)) {
            as(token(role)).contentType(CSV).body(csv(library())).post(IMPORTS).then().statusCode(403);
        }
    }

    static MediationImport.Report importing(RequestSpecification client, String file) {
        return client.contentType(CSV).body(file.getBytes(StandardCharsets.UTF_8)).post(IMPORTS)
                .then().statusCode(200).extract().as(MediationImport.Report.class);
    }

    private static Problem refused(RequestSpecification client, String file, int status) {
        return client.contentType(CSV).body(file.getBytes(StandardCharsets.UTF_8)).post(IMPORTS)
                .then().statusCode(status).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
    }

    private static String reasonOf(Problem problem, String field) {
        return problem.errors().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().reason();
    }

    static StructureResponse bySiret(String siret) {
        List<StructureResponse> found = search(Map.of("siret", siret)).items();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static StructureSearchPage search(Map<String, String> filters) {
        return asAdmin().queryParams(filters).get("/api/structures").then().statusCode(200).extract().as(StructureSearchPage.class);
    }
}
