package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.BOBIGNY;
import static fr.inclusion93.funding.rest.TestFunding.LA_COURNEUVE;
import static fr.inclusion93.funding.rest.TestFunding.created;
import static fr.inclusion93.funding.rest.TestFunding.line;
import static fr.inclusion93.funding.rest.TestFunding.pay;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static fr.inclusion93.funding.rest.TestFunding.subLine;
import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.funding.report.BreakdownCsv;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The breakdown over a programme of its own: an envelope of La Courneuve with a ceiling (a line with a payment, a
 * forecast and a committed sub-line in Bobigny for an outside organisation; a draft sub-line, a draft line and a
 * cancelled line that count nothing), and an envelope of Est Ensemble without one (a line paid then partly clawed back).
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class BreakdownReportTest {

    private static final String EST_ENSEMBLE = "200057875";
    private static final String PLAINE_COMMUNE = "200057867";

    private String programme;
    private String courneuve;
    private String estEnsemble;
    private String beneficiary;

    @BeforeEach
    void fixture() {
        String funder = created("/api/funding/funders", Map.of("name", "État"));
        programme = created("/api/funding/programmes", Map.of("name", "Programme " + UUID.randomUUID(), "funderId", funder));
        courneuve = envelope(2020, 100_000_000L, "COMMUNE", LA_COURNEUVE);
        estEnsemble = envelope(2021, null, "EPT", EST_ENSEMBLE);
        beneficiary = created("/api/funding/beneficiaries", Map.of("name", "Emmaüs Connect"));

        Map<String, Object> a = line(courneuve, 50_000_000L, "COMMITTED");
        a.put("forecasts", List.of(Map.of("year", 2021, "amountCents", 2_500_000)));
        String lineA = created("/api/funding/lines", a);
        pay(lineA, 10_000_000).then().statusCode(201);
        Map<String, Object> s1 = subLine(lineA, 20_000_000L, "COMMITTED");
        s1.put("territory", Map.of("level", "COMMUNE", "code", BOBIGNY));
        s1.put("beneficiaryId", beneficiary);
        created("/api/funding/lines", s1);
        created("/api/funding/lines", subLine(lineA, 5_000_000L, "DRAFT"));
        created("/api/funding/lines", line(courneuve, 1_000_000L, "DRAFT"));
        String cancelled = created("/api/funding/lines", line(courneuve, 3_000_000L, "COMMITTED"));
        post("/api/funding/lines/" + cancelled + "/cancel", null).then().statusCode(200);

        Map<String, Object> d = line(estEnsemble, 7_000_000L, "COMMITTED");
        d.put("year", null);
        String lineD = created("/api/funding/lines", d);
        pay(lineD, 7_000_000).then().statusCode(201);
        pay(lineD, -2_000_000).then().statusCode(201);
    }

    @Test
    void byProgrammeEnvelopeAndYearWithCeilings() {
        assertRows("programme", Map.of(programme, figures(null, 57_000_000, 15_000_000, 2_500_000, 3)));
        assertRows("envelope", Map.of(
                courneuve, figures(100_000_000L, 50_000_000, 10_000_000, 2_500_000, 2),
                estEnsemble, figures(null, 7_000_000, 5_000_000, 0, 1)));
        assertRows("year", Map.of(
                "2020", figures(100_000_000L, 50_000_000, 10_000_000, 0, 2),
                "2021", figures(null, 7_000_000, 5_000_000, 2_500_000, 1)));
    }

    @Test
    void byTerritoryASubLineCountsWhereItIsAndItsParentWhatItLeaves() {
        assertRows("commune", Map.of(
                "COMMUNE:" + LA_COURNEUVE, figures(null, 30_000_000, 10_000_000, 2_500_000, 1),
                "COMMUNE:" + BOBIGNY, figures(null, 20_000_000, 0, 0, 1),
                "EPT:" + EST_ENSEMBLE, figures(null, 7_000_000, 5_000_000, 0, 1)));
        assertRows("ept", Map.of(
                "EPT:" + PLAINE_COMMUNE, figures(null, 30_000_000, 10_000_000, 2_500_000, 1),
                "EPT:" + EST_ENSEMBLE, figures(null, 27_000_000, 5_000_000, 0, 2)));
        assertRows("departement", Map.of("DEPARTEMENT:93", figures(null, 57_000_000, 15_000_000, 2_500_000, 3)));
        assertRows("beneficiary", Map.of(
                beneficiary, figures(null, 20_000_000, 0, 0, 1),
                "none", figures(null, 37_000_000, 15_000_000, 2_500_000, 2)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRowsLinkListsTheLinesThatSumToItsFigures() {
        for (String by : List.of("programme", "envelope", "year", "beneficiary", "commune", "ept", "departement")) {
            for (Map<String, Object> row : report(by).<Map<String, Object>>getList("rows")) {
                long committed = 0;
                long paid = 0;
                long forecast = 0;
                int items = 0;
                String next = ((String) row.get("lines")).replace("/api/funding/reports/breakdown/lines", "");
                String link = "/api/funding/reports/breakdown/lines" + next + "&limit=1";
                while (link != null) {
                    Map<String, Object> page = asAdmin().urlEncodingEnabled(false).get(link)
                            .then().statusCode(200).extract().as(Map.class);
                    for (Map<String, Object> item : (List<Map<String, Object>>) page.get("items")) {
                        committed += ((Number) item.get("committedCents")).longValue();
                        paid += ((Number) item.get("paidCents")).longValue();
                        forecast += ((Number) item.get("forecastCents")).longValue();
                        items++;
                    }
                    link = (String) page.get("next");
                }
                String what = by + " " + row.get("key");
                assertThat(committed).as(what).isEqualTo(((Number) row.get("committedCents")).longValue());
                assertThat(paid).as(what).isEqualTo(((Number) row.get("paidCents")).longValue());
                assertThat(forecast).as(what).isEqualTo(((Number) row.get("forecastCents")).longValue());
                assertThat(items).as(what).isGreaterThanOrEqualTo(((Number) row.get("lineCount")).intValue());
            }
        }
    }

    @Test
    void theCsvHasTheVersionedColumnsAndEndsWithTheTotals() {
        Response csv = asAdmin().queryParam("by", "envelope").queryParam("programmeId", programme)
                .get("/api/funding/reports/breakdown.csv");
        csv.then().statusCode(200).header("X-Report-Version", "1").contentType("text/csv");
        List<String> lines = csv.body().asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", BreakdownCsv.COLUMNS));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).startsWith("total,Total,,,57000000,570000.00,15000000,150000.00,,,2500000,25000.00,3,");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"" + courneuve + "\",").contains(",100000000,1000000.00,"));
    }

    @Test
    void badParametersAre400NamingEachOne() {
        assertBad("/api/funding/reports/breakdown", Map.of(), "by");
        assertBad("/api/funding/reports/breakdown", Map.of("by", "quartier"), "by");
        assertBad("/api/funding/reports/breakdown.csv", Map.of("by", "ept", "programmeId", "abc", "year", "20"),
                "programmeId", "year");
        assertBad("/api/funding/reports/breakdown", Map.of("by", "ept", "envelopeId", UUID.randomUUID() + "x", "sort", "x"),
                "envelopeId", "sort");
        assertBad("/api/funding/reports/breakdown/lines", Map.of("by", "ept"), "key");
        assertBad("/api/funding/reports/breakdown/lines", Map.of("by", "ept", "key", "EPT:1", "limit", "0", "cursor", "!!"),
                "limit", "cursor");
    }

    @Test
    void readersSeeTheReportOthersAre403() {
        for (String reader : List.of(token(Roles.ADMIN), token(Roles.AUDITOR), token(Roles.DASHBOARD),
                TestTokens.partnerOf(TestTokens.PLAINE_COMMUNE))) {
            as(reader).queryParam("by", "year").get("/api/funding/reports/breakdown").then().statusCode(200);
        }
        as(token(Roles.MONITORING)).queryParam("by", "year").get("/api/funding/reports/breakdown")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    private String envelope(int year, Long ceiling, String level, String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programme);
        body.put("year", year);
        body.put("territory", Map.of("level", level, "code", code));
        body.put("ceilingCents", ceiling);
        return created("/api/funding/envelopes", body);
    }

    private io.restassured.path.json.JsonPath report(String by) {
        return asAdmin().queryParam("by", by).queryParam("programmeId", programme).get("/api/funding/reports/breakdown")
                .then().statusCode(200).header("X-Report-Version", "1").extract().jsonPath();
    }

    /** ceiling, committed, paid, forecast, line count; remaining follows from the first two. */
    private static List<Object> figures(Long ceiling, long committed, long paid, long forecast, long lines) {
        List<Object> figures = new ArrayList<>();
        figures.add(ceiling);
        figures.add(committed);
        figures.add(paid);
        figures.add(ceiling == null ? null : ceiling - committed);
        figures.add(forecast);
        figures.add(lines);
        return figures;
    }

    private void assertRows(String by, Map<String, List<Object>> expected) {
        var report = report(by);
        List<Map<String, Object>> rows = report.getList("rows");
        Map<String, List<Object>> actual = new HashMap<>();
        long committed = 0;
        for (Map<String, Object> row : rows) {
            actual.put((String) row.get("key"), figuresOf(row));
            committed += ((Number) row.get("committedCents")).longValue();
        }
        assertThat(actual).as(by).isEqualTo(expected);
        assertThat(committed).as(by + ": no money counted twice").isEqualTo(57_000_000L);
        Map<String, Object> totals = report.getMap("totals");
        assertThat(figuresOf(totals)).as(by + " totals").isEqualTo(figures(null, 57_000_000, 15_000_000, 2_500_000, 3));
    }

    private static List<Object> figuresOf(Map<String, Object> row) {
        List<Object> figures = new ArrayList<>();
        figures.add(row.get("ceilingCents") == null ? null : ((Number) row.get("ceilingCents")).longValue());
        figures.add(((Number) row.get("committedCents")).longValue());
        figures.add(((Number) row.get("paidCents")).longValue());
        figures.add(row.get("remainingCents") == null ? null : ((Number) row.get("remainingCents")).longValue());
        figures.add(((Number) row.get("forecastCents")).longValue());
        figures.add(((Number) row.get("lineCount")).longValue());
        return figures;
    }

    private static void assertBad(String path, Map<String, String> parameters, String... fields) {
        Problem problem = asAdmin().queryParams(parameters).get(path)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).as(path + " " + parameters).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder(fields);
    }
}
