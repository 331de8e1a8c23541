package fr.inclusion93.structure.mediation;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.token;
import static fr.inclusion93.structure.mediation.MediationFiles.association;
import static fr.inclusion93.structure.mediation.MediationFiles.csv;
import static fr.inclusion93.structure.mediation.MediationFiles.library;
import static fr.inclusion93.structure.mediation.MediationFiles.with;
import static fr.inclusion93.structure.mediation.MediationImportTest.bySiret;
import static fr.inclusion93.structure.mediation.MediationImportTest.importing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.events.testing.TableSchemaValidator;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import fr.inclusion93.structure.TestWrites;
import fr.inclusion93.structure.rest.StructureResponse;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** GET /api/structures/export/mediation-numerique.csv|.json: every active structure, valid against the standard. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class MediationExportTest {

    private static final Path SCHEMA = Path.of("src/main/resources" + MediationSchema.RESOURCE);


    private static final String CSV_EXPORT = "/api/structures/export/mediation-numerique.csv";
    private static final String JSON_EXPORT = "/api/structures/export/mediation-numerique.json";

    @Inject
    EntityManager entityManager;

    @Test
    void theCsvExportIsValidAgainstTheStandardsSchemaAndGivesBackWhatWasImported() {
        Map<String, String> library = library();
        Map<String, String> association = association();
        importing(asAdmin(), csv(library, association));
        StructureResponse registered = TestWrites.register(TestStructures.body(TestSirets.next()));

        String export = csvExport();

        TableSchemaValidator.Result validation = TableSchemaValidator.validate(SCHEMA, export, ".csv");
        assertThat(validation.errors()).isEmpty();
        List<MediationRow> rows = MediationCsv.read(bytes(export));
        assertThat(validation.rows()).isEqualTo(rows.size());
        Map<String, Map<String, String>> byPivot = byPivot(rows);
        StructureResponse imported = bySiret(library.get("pivot"));
        assertThat(byPivot.get(library.get("pivot"))).isEqualTo(with(library, "id", imported.id().toString(),
                "date_maj", LocalDate.ofInstant(imported.updatedAt(), ZoneId.of("Europe/Paris")).toString()));
        assertThat(byPivot.get(association.get("pivot"))).containsEntry("code_insee", "93008")
                .containsEntry("typologie", "ASSO");
        assertThat(byPivot.get(registered.siret())).containsEntry("nom", registered.name())
                .containsEntry("typologie", "BIB")
                .containsEntry("telephone", "+33149926150")
                .containsEntry("courriels", "mediatheques@lacourneuve.fr")
                .containsEntry("services", "Aide aux démarches administratives|Accès internet et matériel informatique");
    }

    @Test
    void theExportImportsBackAsNoChange() {
        Map<String, String> library = library();
        Map<String, String> association = association();
        importing(asAdmin(), csv(library, association));
        StructureResponse registered = TestWrites.register(TestStructures.body(TestSirets.next()));
        Map<String, Map<String, String>> exported = byPivot(MediationCsv.read(bytes(csvExport())));

        MediationImport.Report report = importing(asAdmin(), csv(exported.get(library.get("pivot")),
                exported.get(association.get("pivot")), exported.get(registered.siret())));

        assertThat(report).isEqualTo(new MediationImport.Report(3, 0, 0, 3));
        assertThat(TestWrites.get(registered.id()).version()).isEqualTo(registered.version());
    }

    @Test
    void aChangeThroughTheApiWinsOverTheListsAnImportKept() {
        Map<String, String> library = library();
        importing(asAdmin(), csv(library));
        StructureResponse structure = bySiret(library.get("pivot"));
        TestWrites.patch(structure.id(), structure.version(), Map.of("email", "nouveau@lacourneuve.fr", "type", "RFS"));

        Map<String, String> exported = byPivot(MediationCsv.read(bytes(csvExport()))).get(library.get("pivot"));

        assertThat(exported).containsEntry("courriels", "nouveau@lacourneuve.fr")
                .containsEntry("typologie", "RFS")
                .containsEntry("site_web", library.get("site_web"));
    }

    @Test
    void theJsonExportHasTheCsvExportsRowsAndIsValidToo() {
        importing(asAdmin(), csv(library(), association()));

        String json = asAdmin().get(JSON_EXPORT).then().statusCode(200).contentType("application/json").extract().asString();
        String csv = csvExport();

        assertThat(TableSchemaValidator.validate(SCHEMA, json, ".json").errors()).isEmpty();
        List<Map<String, Object>> items = parse(json);
        Map<String, Map<String, String>> csvRows = MediationCsv.read(bytes(csv)).stream().map(MediationRow::values)
                .collect(Collectors.toMap(row -> row.get("id"), row -> row));
        assertThat(items).hasSize(csvRows.size());
        for (Map<String, Object> item : items) {
            Map<String, String> nonEmpty = csvRows.get((String) item.get("id")).entrySet().stream()
                    .filter(value -> !value.getValue().isEmpty())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(item.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, value -> String.valueOf(value.getValue()))))
                    .isEqualTo(nonEmpty);
        }
    }

    @Test
    void aClosedStructureIsLeftOutAndAConseillersHostIsInTheConseillersNumeriquesProgramme() {
        Map<String, String> closing = library();
        Map<String, String> host = library();
        Map<String, String> hostAlreadyListed = with(library(), "dispositif_programmes_nationaux",
                "Conseillers numériques|France Services");
        importing(asAdmin(), csv(closing, host, hostAlreadyListed));
        TestWrites.close(bySiret(closing.get("pivot")).id());
        hostsAConseiller(bySiret(host.get("pivot")).id());
        hostsAConseiller(bySiret(hostAlreadyListed.get("pivot")).id());

        Map<String, Map<String, String>> exported = byPivot(MediationCsv.read(bytes(csvExport())));

        assertThat(exported).doesNotContainKey(closing.get("pivot"));
        assertThat(exported.get(host.get("pivot"))).containsEntry("dispositif_programmes_nationaux",
                "Aidants Connect|Conseillers numériques");
        assertThat(exported.get(hostAlreadyListed.get("pivot"))).containsEntry("dispositif_programmes_nationaux",
                "Conseillers numériques|France Services");
    }

    @Test
    void theValidatorFindsWhatBreaksTheStandard() {
        String broken = csv(with(library(), "code_postal", "9312"), with(association(), "date_maj", "2024-13-02"));

        TableSchemaValidator.Result validation = TableSchemaValidator.validate(SCHEMA, broken, ".csv");

        assertThat(validation.errors()).hasSize(2).anySatisfy(error -> assertThat(error).startsWith("row 1:").contains("code_postal"))
                .anySatisfy(error -> assertThat(error).startsWith("row 2:").contains("date_maj"));
    }

    @Test
    void everyReaderMayExport() {
        for (String role : List.of(Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD)) {
            as(token(role)).get(CSV_EXPORT).then().statusCode(200);
            as(token(role)).get(JSON_EXPORT).then().statusCode(200);
        }
        as(token(Roles.MONITORING)).get(CSV_EXPORT).then().statusCode(403);
    }

    /** Until conseiller-service publishes its post events, the only way a structure gets there. */
    void hostsAConseiller(UUID structure) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update structure set hosts_conseiller = true where id = ?1")
                .setParameter(1, structure).executeUpdate());
    }

    private static String csvExport() {
        Response response = asAdmin().get(CSV_EXPORT);
        response.then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"mediation-numerique.csv\"");
        return new String(response.asByteArray(), StandardCharsets.UTF_8);
    }

    private static Map<String, Map<String, String>> byPivot(List<MediationRow> rows) {
        return rows.stream().map(MediationRow::values).filter(row -> !row.get("pivot").equals(MediationExport.UNKNOWN_PIVOT))
                .collect(Collectors.toMap(row -> row.get("pivot"), row -> row, (first, second) -> first));
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Map<String, Object>> parse(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
