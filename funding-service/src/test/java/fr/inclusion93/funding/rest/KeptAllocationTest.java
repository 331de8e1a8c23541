package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.BOBIGNY;
import static fr.inclusion93.funding.rest.TestFunding.created;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.get;
import static fr.inclusion93.funding.rest.TestFunding.line;
import static fr.inclusion93.funding.rest.TestFunding.number;
import static fr.inclusion93.funding.rest.TestFunding.pay;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static fr.inclusion93.funding.rest.TestFunding.subLine;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.funding.report.AllocationCompaction;
import fr.inclusion93.security.testing.Concurrently;
import fr.inclusion93.security.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The breakdown reads the allocation each write keeps (V11__allocation_totals.sql), not the ledger: whatever writes
 * run together, the kept sums stay those the ledger gives (allocation_drift() lists every place where they differ).
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class KeptAllocationTest {

    private static final int FAMILIES = 6;
    private static final int REQUESTS = 60;
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AllocationCompaction compaction;

    @Test
    void writesOfEveryKindRunTogetherLeaveTheKeptSumsEqualToTheLedger() throws Exception {
        String envelope = envelope(null);
        String[] beneficiaries = {created("/api/funding/beneficiaries", Map.of("name", "Emmaüs Connect")),
                created("/api/funding/beneficiaries", Map.of("name", "Hub Francil'in"))};
        List<String> families = new ArrayList<>();
        for (int i = 0; i < FAMILIES; i++) {
            Map<String, Object> body = line(envelope, 10_000_000L, "COMMITTED");
            body.put("beneficiaryId", beneficiaries[i % 2]);
            families.add(created("/api/funding/lines", body));
        }
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < REQUESTS / 7 + 1; i++) {
            drafts.add(created("/api/funding/lines", subLine(families.get(i % FAMILIES), 30_000L, "DRAFT")));
        }

        List<Response> responses = Concurrently.run(REQUESTS, i -> {
            String family = families.get(i % FAMILIES);
            return switch (i % 7) {
                case 0 -> () -> pay(family, 100_000L + i);
                case 1 -> () -> post("/api/funding/lines", inBobigny(subLine(family, 50_000L + i, "COMMITTED")));
                case 2 -> () -> patch(family, Map.of("beneficiaryId", beneficiaries[(i / 7) % 2]));
                case 3 -> () -> patch(family, Map.of("forecasts", List.of(Map.of("year", 2021 + i % 3, "amountCents", 1_000 + i))));
                case 4 -> () -> post("/api/funding/lines", line(envelope, 200_000L + i, "COMMITTED"));
                case 5 -> () -> pay(family, -(1_000L + i));
                default -> () -> post("/api/funding/lines/" + drafts.get(i / 7) + "/commit", Map.of());
            };
        });

        assertThat(responses).extracting(Response::statusCode).allMatch(status -> status == 200 || status == 201 || status == 409)
                .contains(200, 201);
        assertThat(drift()).isEmpty();
        Map<String, Object> row = envelopeRow(envelope);
        Map<String, Object> figures = get("/api/funding/envelopes/" + envelope);
        assertThat(row.get("committedCents")).isEqualTo(figures.get("committedCents"));
        assertThat(row.get("paidCents")).isEqualTo(figures.get("paidCents"));

        long rowsBefore = placeRows(envelope);
        compaction.compact();
        assertThat(placeRows(envelope)).isLessThan(rowsBefore).isEqualTo(places(envelope));
        assertThat(drift()).isEmpty();
        assertThat(envelopeRow(envelope)).isEqualTo(row);
    }

    @Test
    void aCorrectionMovesTheMoneyOfItsLineToItsNewPlaces() throws SQLException {
        String envelope = envelope(null);
        String from = created("/api/funding/beneficiaries", Map.of("name", "Emmaüs Connect"));
        String to = created("/api/funding/beneficiaries", Map.of("name", "Hub Francil'in"));
        Map<String, Object> body = line(envelope, 1_000_000L, "COMMITTED");
        body.put("beneficiaryId", from);
        body.put("forecasts", List.of(Map.of("year", 2021, "amountCents", 400_000)));
        String line = created("/api/funding/lines", body);

        patch(line, Map.of("beneficiaryId", to, "forecasts", List.of(Map.of("year", 2022, "amountCents", 300_000))))
                .then().statusCode(200);

        assertThat(keyed("beneficiary", envelope)).containsOnlyKeys(to);
        assertThat(keyed("beneficiary", envelope).get(to)).containsEntry("committedCents", 1_000_000)
                .containsEntry("forecastCents", 300_000);
        assertThat(keyed("year", envelope)).containsOnlyKeys("2020", "2022");
        assertThat(keyed("year", envelope).get("2022")).containsEntry("forecastCents", 300_000);
        assertThat(drift()).isEmpty();
    }

    @Test
    void theDriftCheckSeesASumWrittenAroundTheTriggers() throws SQLException {
        String envelope = envelope(null);
        TestFunding.committedLine(envelope, 1_000L);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO allocation_delta (envelope_id, line_year, year, territory, committed_cents, paid_cents,
                                                  forecast_cents, lines, entries)
                    VALUES ('%s', 2020, 2020, 'DEPARTEMENT:93', 5, 0, 0, 0, 0)""".formatted(envelope));
            assertThat(drift()).hasSize(1).first().asString().contains(envelope);
            statement.executeUpdate("DELETE FROM allocation_delta WHERE envelope_id = '" + envelope + "' AND committed_cents = 5");
        }
        assertThat(drift()).isEmpty();
    }

    private static Map<String, Object> inBobigny(Map<String, Object> body) {
        body.put("territory", Map.of("level", "COMMUNE", "code", BOBIGNY));
        return body;
    }

    private static Response patch(String id, Map<String, Object> patch) {
        return asAdmin().contentType(MERGE_PATCH).body(patch).patch("/api/funding/lines/" + id);
    }

    private static Map<String, Object> envelopeRow(String envelope) {
        Map<String, Map<String, Object>> rows = keyed("envelope", envelope);
        assertThat(rows).containsOnlyKeys(envelope);
        return rows.get(envelope);
    }

    private static Map<String, Map<String, Object>> keyed(String by, String envelope) {
        List<Map<String, Object>> rows = asAdmin().queryParam("by", by).queryParam("envelopeId", envelope)
                .get("/api/funding/reports/breakdown").then().statusCode(200).extract().jsonPath().getList("rows");
        Map<String, Map<String, Object>> keyed = new HashMap<>();
        rows.forEach(row -> keyed.put((String) row.get("key"), row));
        return keyed;
    }

    private List<String> drift() throws SQLException {
        return strings("SELECT place || ' kept ' || coalesce(kept::text, '-') || ' ledger ' || coalesce(ledger::text, '-') "
                + "FROM allocation_drift()");
    }

    private long placeRows(String envelope) throws SQLException {
        return Long.parseLong(strings("SELECT count(*) FROM allocation_delta WHERE envelope_id = '" + envelope + "'").get(0));
    }

    private long places(String envelope) throws SQLException {
        return Long.parseLong(strings("SELECT count(*) FROM (SELECT DISTINCT line_year, year, beneficiary_id, territory "
                + "FROM allocation_delta WHERE envelope_id = '" + envelope + "') p").get(0));
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
