package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.created;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.line;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static fr.inclusion93.funding.rest.TestFunding.subLine;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.funding.report.ExecutionCsv;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Committed against paid per period: a line decided in February, paid in March and May (less a credit note). */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class ExecutionReportTest {

    private String envelope;
    private String parent;
    private String sub;

    @BeforeEach
    void fixture() {
        envelope = envelope(null);
        Map<String, Object> body = line(envelope, 100_000L, "COMMITTED");
        body.put("decisionDate", "2021-02-10");
        parent = created("/api/funding/lines", body);
        pay(parent, 30_000, "2021-03-01");
        pay(parent, 50_000, "2021-05-15");
        pay(parent, -10_000, "2021-05-20");
        Map<String, Object> subBody = subLine(parent, 20_000L, "COMMITTED");
        subBody.put("decisionDate", "2021-04-02");
        sub = created("/api/funding/lines", subBody);
    }

    @Test
    void byQuarterEachLineShowsWhatWasCommittedAndPaidInItAndSoFar() {
        Map<String, Object> report = report(Map.of("period", "quarter", "from", "2021-01-01", "to", "2022-01-01",
                "envelopeId", envelope));

        assertThat(rows(report)).containsExactly(
                List.of("2021-Q1", parent, 100_000, 30_000, 100_000, 30_000),
                List.of("2021-Q2", parent, 0, 40_000, 100_000, 70_000),
                List.of("2021-Q2", sub, 20_000, 0, 20_000, 0));
        assertThat((List<Map<String, Object>>) report.get("totals")).extracting(t -> List.of(t.get("period"),
                t.get("committedCents"), t.get("paidCents")))
                .containsExactly(List.of("2021-Q1", 100_000, 30_000), List.of("2021-Q2", 0, 40_000));
    }

    @Test
    void aMonthAfterTheStartKeepsTheCumulativeFiguresFromBefore() {
        Map<String, Object> report = report(Map.of("period", "month", "from", "2021-05-01", "to", "2021-06-01",
                "envelopeId", envelope));
        assertThat(rows(report)).containsExactly(List.of("2021-05", parent, 0, 40_000, 100_000, 70_000));

        Map<String, Object> year = report(Map.of("period", "year", "from", "2021-01-01", "to", "2022-01-01", "lineId", sub));
        assertThat(rows(year)).containsExactly(List.of("2021", sub, 20_000, 0, 20_000, 0));
    }

    @Test
    void theCsvHasTheVersionedColumns() {
        String csv = asAdmin().queryParams(Map.of("period", "quarter", "from", "2021-01-01", "to", "2022-01-01",
                "envelopeId", envelope)).get("/api/funding/reports/execution.csv").then().statusCode(200)
                .header("X-Report-Version", "1").extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow().replace("\"", "")).isEqualTo(String.join(",", ExecutionCsv.COLUMNS));
        assertThat(csv.lines()).hasSize(4);
    }

    @Test
    void badParametersAre400NamingEachOne() {
        assertBad(Map.of(), "period", "from", "to", "envelopeId");
        assertBad(Map.of("period", "week", "from", "2021-13-01", "to", "2021-01-01", "lineId", "x"),
                "period", "from", "lineId");
        assertBad(Map.of("period", "month", "from", "2021-02-01", "to", "2021-01-01", "envelopeId", envelope,
                "year", "2021"), "to", "year");
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> rows(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("rows")).stream().map(r -> List.of(r.get("period"), r.get("lineId"),
                r.get("committedCents"), r.get("paidCents"), r.get("cumulativeCommittedCents"),
                r.get("cumulativePaidCents"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(Map<String, String> parameters) {
        return asAdmin().queryParams(parameters).get("/api/funding/reports/execution").then().statusCode(200)
                .header("X-Report-Version", "1").extract().as(Map.class);
    }

    private static void assertBad(Map<String, String> parameters, String... fields) {
        Problem problem = asAdmin().queryParams(parameters).get("/api/funding/reports/execution")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).as(parameters.toString()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder(fields);
    }

    private static void pay(String line, long cents, String day) {
        post("/api/funding/lines/" + line + "/payments", Map.of("amountCents", cents, "paidOn", day,
                "reference", "MANDAT-" + UUID.randomUUID())).then().statusCode(201);
    }
}
