package fr.inclusion93.funding.seed;

import static fr.inclusion93.funding.seed.ReleaseFixture.REFUSED_SUB_LINE;
import static fr.inclusion93.funding.seed.ReleaseFixture.count;
import static fr.inclusion93.funding.seed.ReleaseFixture.file;
import static fr.inclusion93.funding.seed.ReleaseFixture.keys;
import static fr.inclusion93.funding.seed.ReleaseFixture.load;
import static fr.inclusion93.funding.seed.ReleaseFixture.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The release loaded through POST /admin/funding/seeds/release-2021-01-15. The test database outlives a run, so each
 * test loads first (loading is idempotent) and checks what the database holds, not that this very call created it.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class SeedLoadTest {

    private static final JsonNode FILE = file();
    private static final List<String> LINE_KEYS = keys(FILE.get("lines"));

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theLoadHoldsExactlyWhatTheFileHoldsExceptTheRefusedSubLine() {
        JsonPath report = load();

        Map<String, String> tables = Map.of("funders", "funder", "programmes", "programme", "envelopes", "envelope",
                "beneficiaries", "beneficiary", "lines", "funding_line", "statedTotals", "seed_stated_total");
        for (var kind : tables.entrySet()) {
            int inFile = FILE.get(kind.getKey()).size();
            int refused = kind.getKey().equals("lines") ? 1 : 0;
            assertThat(report.getInt("kinds." + kind.getKey() + ".created") + report.getInt("kinds." + kind.getKey()
                    + ".alreadyThere")).as(kind.getKey()).isEqualTo(inFile - refused);
            assertThat(report.getInt("kinds." + kind.getKey() + ".refused")).as(kind.getKey()).isEqualTo(refused);
            assertThat(count(dataSource, "SELECT count(*) FROM " + kind.getValue() + " WHERE key IN ("
                    + quoted(keys(FILE.get(kind.getKey()))) + ")")).as(kind.getKey()).isEqualTo(inFile - refused);
        }
        assertThat(FILE.get("lines").size()).isEqualTo(9);
        assertThat(FILE.get("statedTotals").size()).isEqualTo(6);
    }

    @Test
    void everyLoadedLineHasTheFilesAmountInCentsItsParentItsBeneficiaryAndItsOutputs() {
        load();

        for (JsonNode expected : FILE.get("lines")) {
            String key = expected.get("key").asText();
            if (key.equals(REFUSED_SUB_LINE)) {
                continue;
            }
            Map<String, Object> line = TestTokens.asAdmin().get("/api/funding/lines/" + lineId(key)).then()
                    .statusCode(200).extract().as(Map.class);
            Long amount = expected.get("amountCents").isNull() ? null : expected.get("amountCents").asLong();
            assertThat(line.get("amountCents") == null ? null : ((Number) line.get("amountCents")).longValue())
                    .as(key).isEqualTo(amount);
            assertThat(line.get("status")).as(key).isEqualTo(amount == null ? "DRAFT" : "COMMITTED");
            assertThat(line.get("object")).as(key).isEqualTo(expected.get("object").asText());
            assertThat(line.get("beneficiaryDescription")).as(key).isEqualTo(text(expected.get("beneficiaryDescription")));
            assertThat(keyOf("funding_line", (String) line.get("parentId"))).as(key).isEqualTo(text(expected.get("parent")));
            assertThat(keyOf("beneficiary", (String) line.get("beneficiaryId"))).as(key)
                    .isEqualTo(text(expected.get("beneficiary")));
            List<Map<String, Object>> outputs = (List<Map<String, Object>>) line.get("outputs");
            List<List<Object>> expectedOutputs = new ArrayList<>();
            expected.get("outputs").forEach(o -> expectedOutputs.add(List.of(o.get("unit").asText(), o.get("target").asLong(),
                    o.get("targetQualifier").isNull() ? "null" : "UP_TO")));
            assertThat(outputs).extracting(o -> List.of(o.get("unit"), ((Number) o.get("target")).longValue(),
                    String.valueOf(o.get("targetQualifier")))).as(key).containsExactlyElementsOf(expectedOutputs);
        }
    }

    @Test
    void loadingTwiceLoadsOnceNoNewRowsNoNewAuditNoNewEvents() {
        load();
        Map<String, Long> before = snapshot();

        JsonPath second = load();

        assertThat(snapshot()).isEqualTo(before);
        for (String kind : List.of("funders", "programmes", "envelopes", "beneficiaries", "lines", "statedTotals")) {
            assertThat(second.getInt("kinds." + kind + ".created")).as(kind).isZero();
        }
        assertThat(second.getInt("kinds.lines.alreadyThere")).isEqualTo(8);
        assertThat(second.getInt("kinds.lines.refused")).isEqualTo(1);
    }

    @Test
    void theRefusedSubLineIsReportedAndKeptWithItsFigures() {
        JsonPath report = load();

        assertThat(report.getList("refusals.key")).containsExactly(REFUSED_SUB_LINE);
        Map<String, Object> refusal = report.getMap("refusals[0]");
        assertThat(refusal).containsEntry("kind", "line").containsEntry("requestedCents", 2_000_000)
                .containsEntry("requestedEuros", "20000.00").containsEntry("status", 409)
                .containsEntry("type", "https://inclusion93.fr/problems/parent-amount-exceeded");
        assertThat((String) refusal.get("detail")).contains("parent amount 21000000 cents (210000.00 €)",
                "sub-lines already 20300000 cents (203000.00 €)", "requested 2000000 cents (20000.00 €)",
                "excess 1300000 cents (13000.00 €)");
        assertThat(count(dataSource, "SELECT count(*) FROM seed_refusal WHERE seed = 'release-2021-01-15' AND key = '"
                + REFUSED_SUB_LINE + "' AND requested_cents = 2000000 AND problem_status = 409 "
                + "AND problem_detail LIKE '%excess 1300000 cents%'")).isEqualTo(1);
        assertThat(count(dataSource, "SELECT count(*) FROM funding_line WHERE key = '" + REFUSED_SUB_LINE + "'")).isZero();
    }

    @Test
    void onlyTheAdminLoadsAndAnUnknownSeedIs404() {
        for (String role : List.of(Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD)) {
            String token = role.equals(Roles.PARTNER) ? TestTokens.partnerOf(TestTokens.SEINE_SAINT_DENIS) : TestTokens.token(role);
            TestTokens.as(token).post(ReleaseFixture.LOAD).then().statusCode(403);
        }
        RestAssured.given().post(ReleaseFixture.LOAD).then().statusCode(401);
        TestTokens.asAdmin().post("/admin/funding/seeds/release-1999-01-01").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("funder", "programme", "envelope", "beneficiary", "funding_line", "line_output",
                "audit_record", "outbox_event", "seed_stated_total", "seed_stated_total_part", "seed_refusal")) {
            counts.put(table, count(dataSource, "SELECT count(*) FROM " + table));
        }
        return counts;
    }

    private String lineId(String key) {
        return ReleaseFixture.single(dataSource, "SELECT id::text FROM funding_line WHERE key = '" + key + "'");
    }

    private String keyOf(String table, String id) {
        return id == null ? null : ReleaseFixture.single(dataSource, "SELECT key FROM " + table + " WHERE id = '" + id + "'");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
