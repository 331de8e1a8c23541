package fr.inclusion93.funding.report;

import static fr.inclusion93.funding.seed.ReleaseFixture.REFUSED_SUB_LINE;
import static fr.inclusion93.funding.seed.ReleaseFixture.file;
import static fr.inclusion93.funding.seed.ReleaseFixture.load;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/funding/reports/reconciliation(.csv) once the release is loaded, against the file's own reading. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class ReconciliationReportTest {

    private static final String JSON = "/api/funding/reports/reconciliation";
    private static final String CSV = "/api/funding/reports/reconciliation.csv";
    /** As documented in the endpoint's description and funding-service/README.md (version 1). */
    private static final String HEADER = "key,kind,qualifier,wording,stated_cents,stated_euros,parts,part_line_ids,"
            + "published_parts_cents,loaded_parts_cents,parts_without_amount,refused_parts,difference_cents,"
            + "difference_euros,loaded_difference_cents,verdict";
    private static final JsonNode FILE = file();

    @BeforeEach
    void loadTheRelease() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        load();
    }

    @Test
    void everyStatedTotalsDifferenceIsTheFilesOwnReading() {
        Map<String, Map<String, Object>> rows = rows();

        assertThat(rows.keySet()).containsExactlyElementsOf(keys(FILE.get("statedTotals")));
        for (JsonNode total : FILE.get("statedTotals")) {
            Map<String, Object> row = rows.get(total.get("key").asText());
            JsonNode expected = total.get("reconciliation");
            String key = total.get("key").asText();
            assertThat(row.get("statedCents")).as(key).isEqualTo(total.get("valueCents").asInt());
            assertThat(row.get("qualifier")).as(key).isEqualTo(total.get("qualifier").isNull() ? null : total.get("qualifier").asText());
            assertThat(number(row.get("publishedPartsCents"))).as(key).isEqualTo(number(expected.get("sumOfKnownPartsCents")));
            assertThat(number(row.get("differenceCents"))).as(key).isEqualTo(number(expected.get("differenceCents")));
            assertThat(row.get("partsWithoutAmount")).as(key).isEqualTo(expected.get("partsWithoutAmount").isNull() ? null
                    : keysOf(expected.get("partsWithoutAmount")));
            // the file's verdict starts with the verdict's words: "consistent with…", "CONFLICT: …", "not reconcilable…"
            String verdict = ((String) row.get("verdict")).toLowerCase(Locale.ROOT).replace('_', ' ');
            assertThat(expected.get("verdict").asText().toLowerCase(Locale.ROOT)).as(key).startsWith(verdict);
        }
    }

    @Test
    void theDontOf210000ShowsTheRefusedSubLineAndBothSums() {
        Map<String, Object> row = rows().get("dont-210000");

        assertThat(row).containsEntry("kind", "dont").containsEntry("statedCents", 21_000_000)
                .containsEntry("publishedPartsCents", 22_300_000).containsEntry("publishedPartsEuros", "223000.00")
                .containsEntry("loadedPartsCents", 20_300_000).containsEntry("differenceCents", 1_300_000)
                .containsEntry("differenceEuros", "13000.00").containsEntry("loadedDifferenceCents", -700_000)
                .containsEntry("refusedParts", List.of(REFUSED_SUB_LINE)).containsEntry("verdict", "CONFLICT");
        List<Map<String, Object>> parts = (List<Map<String, Object>>) row.get("partFigures");
        assertThat(parts).extracting(p -> p.get("lineKey")).containsExactly("2020-reconditionnement-ordinateurs",
                "2020-essaimage-emmaus-connect", REFUSED_SUB_LINE);
        assertThat(parts).extracting(p -> p.get("publishedCents")).containsExactly(19_300_000, 1_000_000, 2_000_000);
        assertThat(parts).extracting(p -> p.get("loadedCents")).containsExactly(19_300_000, 1_000_000, null);
        assertThat(parts.get(2)).containsEntry("refused", true).containsEntry("lineId", null);
        assertThat((String) parts.get(2).get("refusalDetail")).contains("excess 1300000 cents (13000.00 €)");
        assertThat(parts.get(0).get("lineId")).isNotNull();
        assertThat(parts.get(0)).containsEntry("lineStatus", "COMMITTED").containsEntry("refused", false);
    }

    @Test
    void theCsvHasTheDocumentedColumnsAndTheSameFigures() throws Exception {
        Response csv = TestTokens.asAdmin().get(CSV);

        csv.then().statusCode(200).contentType("text/csv").header("X-Report-Version", "1");
        List<String[]> lines = parse(csv.asString());
        assertThat(String.join(",", lines.get(0))).isEqualTo(HEADER);
        assertThat(lines).hasSize(1 + FILE.get("statedTotals").size());
        String[] dont = lines.stream().filter(l -> l[0].equals("dont-210000")).findFirst().orElseThrow();
        Map<String, Object> json = rows().get("dont-210000");
        List<Map<String, Object>> parts = (List<Map<String, Object>>) json.get("partFigures");
        assertThat(dont).containsExactly("dont-210000", "dont", "", "210\u00A0000€", "21000000", "210000.00",
                "2020-reconditionnement-ordinateurs|2020-essaimage-emmaus-connect|" + REFUSED_SUB_LINE,
                parts.get(0).get("lineId") + "|" + parts.get(1).get("lineId") + "|", "22300000", "20300000", "",
                REFUSED_SUB_LINE, "1300000", "13000.00", "-700000", "CONFLICT");
        String[] notReconcilable = lines.stream().filter(l -> l[0].equals("total-2020-materiel-connexion")).findFirst()
                .orElseThrow();
        assertThat(notReconcilable).containsExactly("total-2020-materiel-connexion", "total", "plus de",
                "plus d’un million d’euros", "100000000", "1000000.00", "", "", "", "", "", "", "", "", "", "NOT_RECONCILABLE");
    }

    @Test
    void everyReaderRoleReadsTheReportAndNobodyWithoutAToken() {
        for (String token : List.of(TestTokens.token(Roles.DASHBOARD), TestTokens.token(Roles.AUDITOR),
                TestTokens.partnerOf(TestTokens.EST_ENSEMBLE), TestTokens.token(Roles.ADMIN))) {
            TestTokens.as(token).get(JSON).then().statusCode(200).header("X-Report-Version", "1");
            TestTokens.as(token).get(CSV).then().statusCode(200);
        }
        TestTokens.as(TestTokens.token(Roles.MONITORING)).get(JSON).then().statusCode(403);
        RestAssured.given().get(JSON).then().statusCode(401);
        RestAssured.given().get(CSV).then().statusCode(401);
    }

    private static Map<String, Map<String, Object>> rows() {
        List<Map<String, Object>> rows = TestTokens.as(TestTokens.token(Roles.DASHBOARD)).get(JSON).then().statusCode(200)
                .extract().jsonPath().getList("rows");
        Map<String, Map<String, Object>> byKey = new java.util.LinkedHashMap<>();
        rows.stream().filter(r -> "release-2021-01-15".equals(r.get("seed"))).forEach(r -> byKey.put((String) r.get("key"), r));
        return byKey;
    }

    private static List<String[]> parse(String csv) throws Exception {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            it.forEachRemaining(lines::add);
        }
        return lines;
    }

    private static List<String> keys(JsonNode array) {
        List<String> keys = new ArrayList<>();
        array.forEach(e -> keys.add(e.get("key").asText()));
        return keys;
    }

    private static List<String> keysOf(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.asText()));
        return values;
    }

    private static Long number(Object value) {
        if (value instanceof JsonNode node) {
            return node.isNull() ? null : node.asLong();
        }
        return value == null ? null : ((Number) value).longValue();
    }
}
