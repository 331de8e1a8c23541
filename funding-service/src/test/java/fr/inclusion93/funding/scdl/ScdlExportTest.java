package fr.inclusion93.funding.scdl;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.inclusion93.events.testing.TableSchemaValidator;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SCDL subventions 2.1.1 export: valid against the official schema (checked by the Frictionless reference
 * validator), the committed money once, and the incomplete lines listed rather than written half-true.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class ScdlExportTest {

    private static final Path SCHEMA = Path.of("src/main/resources/scdl/schema-2.1.1.json");
    private static final String FUNDER_SIRET = "21060004500392";

    private String tag;
    private String parent;
    private String subLine;
    private String incomplete;

    @BeforeEach
    void fixture() {
        tag = UUID.randomUUID().toString();
        String funder = created("/api/funding/funders", Map.of("name", "Ville d'Antibes, « attribuant »", "siret", FUNDER_SIRET));
        String programme = created("/api/funding/programmes", Map.of("name", "Quartiers Solidaires", "funderId", funder));
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("programmeId", programme);
        envelope.put("territory", Map.of("level", "DEPARTEMENT", "code", "93"));
        String envelopeId = created("/api/funding/envelopes", envelope);
        String association = created("/api/funding/beneficiaries",
                Map.of("name", "Association \"Les Amis\", d'Aubervilliers", "rna", rna()));
        String other = created("/api/funding/beneficiaries", Map.of("name", "Hub Francil'in", "rna", rna()));

        Map<String, Object> line = line(envelopeId, 10_000_000L, "Équipement, « ateliers » " + tag);
        line.put("beneficiaryId", association);
        line.put("conventionDate", "2021-01-15");
        line.put("decisionReference", "DEL-2020-42");
        line.put("nature", "NUMERAIRE");
        line.put("paymentConditions", "TRANCHES");
        line.put("cofinancingShareBasisPoints", 8000);
        parent = created("/api/funding/lines", line);
        pay(parent, 1_000_000, "2021-02-01");
        pay(parent, 2_000_000, "2021-06-30");
        Map<String, Object> sub = line(null, 3_000_005L, "Dont cartographie " + tag);
        sub.remove("envelopeId");
        sub.put("parentId", parent);
        sub.put("beneficiaryId", other);
        sub.put("conventionDate", "2021-02-01");
        subLine = created("/api/funding/lines", sub);
        incomplete = created("/api/funding/lines", line(envelopeId, 500_000L, "Sans convention " + tag));
        Map<String, Object> draft = line(envelopeId, 700_000L, "Brouillon " + tag);
        draft.put("status", "DRAFT");
        created("/api/funding/lines", draft);
    }

    @Test
    void theCsvValidatesAndHoldsTheCommittedMoneyOnce() throws IOException {
        String csv = asAdmin().get("/api/funding/exports/scdl-subventions.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();

        TableSchemaValidator.Result validation = TableSchemaValidator.validate(SCHEMA, csv, ".csv");
        assertThat(validation.errors()).isEmpty();
        assertThat(validation.rows()).as("rows the validator read").isGreaterThanOrEqualTo(2);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(
                '"' + String.join("\",\"", ScdlExport.COLUMNS) + '"');
        assertThat(csv).as("RFC 4180: every line ends with CRLF").endsWith("\r\n").doesNotContainPattern("[^\r]\n");
        List<Map<String, String>> mine = rows(csv).stream().filter(r -> r.get("objet").endsWith(tag)).toList();
        assertThat(mine).extracting(r -> r.get("objet"))
                .containsExactlyInAnyOrder("Équipement, « ateliers » " + tag, "Dont cartographie " + tag);
        Map<String, String> top = mine.stream().filter(r -> r.get("objet").startsWith("Équipement")).findFirst().orElseThrow();
        assertThat(top).containsEntry("montant", "69999.95").containsEntry("idAttribuant", FUNDER_SIRET)
                .containsEntry("nomBeneficiaire", "Association \"Les Amis\", d'Aubervilliers")
                .containsEntry("datesPeriodeVersement", "2021-02-01/2021-06-30").containsEntry("nature", "aide en numéraire")
                .containsEntry("conditionsVersement", "échelonné").containsEntry("pourcentageSubvention", "1")
                .containsEntry("notificationUE", "non").containsEntry("dispositifAide", "Quartiers Solidaires");
        Map<String, String> sub = mine.stream().filter(r -> r.get("objet").startsWith("Dont")).findFirst().orElseThrow();
        assertThat(sub).containsEntry("montant", "30000.05").containsEntry("nomBeneficiaire", "Hub Francil'in")
                .containsEntry("datesPeriodeVersement", "2021-02-01").containsEntry("pourcentageSubvention", "1");
        assertThat(mine.stream().map(r -> new BigDecimal(r.get("montant"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the parent's committed amount, counted once").isEqualByComparingTo("100000.00");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonHoldsTheSameRowsAndValidatesToo() throws IOException {
        String csv = asAdmin().get("/api/funding/exports/scdl-subventions.csv").then().statusCode(200).extract().asString();
        String json = asAdmin().get("/api/funding/exports/scdl-subventions.json").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString();

        assertThat(TableSchemaValidator.validate(SCHEMA, json, ".json").errors()).isEmpty();
        List<Map<String, Object>> items = new ObjectMapper().readValue(json, List.class);
        Map<String, Object> top = items.stream().filter(i -> ((String) i.get("objet")).startsWith("Équipement, « ateliers » " + tag))
                .findFirst().orElseThrow();
        assertThat(top.get("montant")).isEqualTo(69999.95);
        assertThat(top).doesNotContainKey("idRAE");
        assertThat(items.stream().map(ScdlExportTest::comparable).toList()).as("the JSON's rows are the CSV's")
                .containsExactlyInAnyOrderElementsOf(rows(csv).stream().map(ScdlExportTest::comparable).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncompleteLineIsLeftOutAndListedWithWhatItLacks() throws IOException {
        String csv = asAdmin().get("/api/funding/exports/scdl-subventions.csv").then().statusCode(200).extract().asString();
        assertThat(csv).doesNotContain("Sans convention " + tag).doesNotContain("Brouillon " + tag);

        List<Map<String, String>> omissions = new ObjectMapper().readValue(asAdmin()
                .get("/api/funding/exports/scdl-subventions/omissions").then().statusCode(200).extract().asString(), List.class);
        Map<String, String> omission = omissions.stream().filter(o -> o.get("lineId").equals(incomplete)).findFirst()
                .orElseThrow();
        assertThat(omission.get("missing")).contains("dateConvention").contains("idBeneficiaire or rnaBeneficiaire")
                .contains("nature").contains("conditionsVersement")
                .doesNotContain("idAttribuant");
        assertThat(omissions).extracting(o -> o.get("lineId")).doesNotContain(parent, subLine);
    }

    @Test
    void readersGetTheExportOthersAre403() {
        for (String reader : List.of(token(Roles.AUDITOR), token(Roles.DASHBOARD), TestTokens.partnerOf(TestTokens.PLAINE_COMMUNE))) {
            as(reader).get("/api/funding/exports/scdl-subventions.csv").then().statusCode(200);
        }
        as(token(Roles.MONITORING)).get("/api/funding/exports/scdl-subventions.json")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    /** A row's non-empty values as text, amounts as numbers (the JSON writes them as numbers, the CSV as text). */
    private static Map<String, String> comparable(Map<String, ?> row) {
        Map<String, String> values = new TreeMap<>();
        row.forEach((column, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                values.put(column, List.of("montant", "pourcentageSubvention").contains(column)
                        ? new BigDecimal(value.toString()).stripTrailingZeros().toPlainString() : value.toString());
            }
        });
        return values;
    }

    static List<Map<String, String>> rows(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static Map<String, Object> line(String envelopeId, long cents, String object) {
        Map<String, Object> body = new HashMap<>();
        body.put("envelopeId", envelopeId);
        body.put("object", object);
        body.put("amountCents", cents);
        body.put("status", "COMMITTED");
        body.put("year", 2021);
        return body;
    }

    private static String rna() {
        return "W" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
    }

    private static void pay(String line, long cents, String day) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("amountCents", cents, "paidOn", day,
                "reference", "MANDAT-" + UUID.randomUUID())).post("/api/funding/lines/" + line + "/payments")
                .then().statusCode(201);
    }

    private static String created(String path, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract().path("id");
    }
}
