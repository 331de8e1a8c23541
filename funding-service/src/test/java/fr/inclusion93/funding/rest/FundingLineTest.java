package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.committedLine;
import static fr.inclusion93.funding.rest.TestFunding.created;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.fields;
import static fr.inclusion93.funding.rest.TestFunding.get;
import static fr.inclusion93.funding.rest.TestFunding.line;
import static fr.inclusion93.funding.rest.TestFunding.number;
import static fr.inclusion93.funding.rest.TestFunding.pay;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static fr.inclusion93.funding.rest.TestFunding.subLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Funding lines over HTTP against the real database: the envelope and parent invariants, statuses, bad input. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class FundingLineTest {

    private static final String LINES = "/api/funding/lines";

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aCommittedLineAboveTheCeilingIsRefusedWithItsFiguresAndChangesNothing() {
        String envelope = envelope(100_000_000L);
        committedLine(envelope, 90_000_000L);

        Response refused = post(LINES, line(envelope, 20_000_000L, "COMMITTED"));

        refused.then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/envelope-ceiling-exceeded"))
                .body("detail", containsString("ceiling 100000000 cents (1000000.00 €)"))
                .body("detail", containsString("already committed 90000000 cents (900000.00 €)"))
                .body("detail", containsString("requested 20000000 cents (200000.00 €)"))
                .body("detail", containsString("excess 10000000 cents (100000.00 €)"))
                .body("errors[0].field", equalTo("amountCents"));
        Map<String, Object> figures = get("/api/funding/envelopes/" + envelope);
        assertThat(number(figures, "committedCents")).isEqualTo(90_000_000L);
        assertThat(number(figures, "remainingCents")).isEqualTo(10_000_000L);
        assertThat(figures.get("remaining")).isEqualTo("100000.00");
        assertThat(asList(LINES + "?envelopeId=" + envelope)).hasSize(1);
    }

    @Test
    void aLineUpToTheCeilingExactlyIsCommittedAndDraftsDoNotCount() {
        String envelope = envelope(100_000_000L);
        created(LINES, line(envelope, 60_000_000L, "DRAFT"));
        committedLine(envelope, 60_000_000L);
        committedLine(envelope, 40_000_000L);

        Map<String, Object> figures = get("/api/funding/envelopes/" + envelope);
        assertThat(number(figures, "committedCents")).isEqualTo(100_000_000L);
        assertThat(number(figures, "remainingCents")).isZero();
    }

    @Test
    void anEnvelopeWithoutCeilingChecksNothingAndShowsNoRemaining() {
        String envelope = envelope(null);
        committedLine(envelope, 55_900_000L);
        committedLine(envelope, 40_000_000L);

        Map<String, Object> figures = get("/api/funding/envelopes/" + envelope);
        assertThat(number(figures, "committedCents")).isEqualTo(95_900_000L);
        assertThat(figures.get("committed")).isEqualTo("959000.00");
        assertThat(figures.get("remainingCents")).isNull();
        assertThat(figures.get("ceilingCents")).isNull();
    }

    @Test
    void committingADraftChecksTheCeilingThenCountsIt() {
        String envelope = envelope(50_000_000L);
        String draft = created(LINES, line(envelope, null, "DRAFT"));
        committedLine(envelope, 10_000_000L);

        post(LINES + "/" + draft + "/commit", Map.of()).then().statusCode(400)
                .body("errors[0].field", equalTo("amountCents"));
        post(LINES + "/" + draft + "/commit", Map.of("amountCents", 40_000_001L)).then().statusCode(409)
                .body("detail", containsString("excess 1 cents (0.01 €)"));
        post(LINES + "/" + draft + "/commit", Map.of("amountCents", 40_000_000L)).then().statusCode(200)
                .body("status", equalTo("COMMITTED")).body("committedCents", equalTo(40_000_000));

        assertThat(number(get("/api/funding/envelopes/" + envelope), "remainingCents")).isZero();
    }

    @Test
    void theDontOfTheReleaseLoadsUntilTheSubLineThatExceedsItsParent() {
        String envelope = envelope(null);
        String parent = committedLine(envelope, 21_000_000L);
        created(LINES, subLine(parent, 19_300_000L, "COMMITTED"));
        created(LINES, subLine(parent, 1_000_000L, "DRAFT"));

        Response refused = post(LINES, subLine(parent, 2_000_000L, "COMMITTED"));

        refused.then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/parent-amount-exceeded"))
                .body("detail", containsString("parent amount 21000000 cents (210000.00 €)"))
                .body("detail", containsString("sub-lines already 20300000 cents (203000.00 €)"))
                .body("detail", containsString("excess 1300000 cents (13000.00 €)"));
        Map<String, Object> shown = get(LINES + "/" + parent);
        assertThat(number(shown, "subLinesCents")).isEqualTo(20_300_000L);
        assertThat((List<?>) shown.get("subLineSummaries")).hasSize(2);
        assertThat(number(get("/api/funding/envelopes/" + envelope), "committedCents"))
                .as("sub-lines are inside their parent's amount").isEqualTo(21_000_000L);
    }

    @Test
    void aSubLineIsInItsParentsEnvelopeAndACancelledOneFreesItsAmount() {
        String envelope = envelope(null);
        String parent = committedLine(envelope, 1_000_000L);
        Map<String, Object> elsewhere = subLine(parent, 100L, "DRAFT");
        elsewhere.put("envelopeId", envelope(null));
        post(LINES, elsewhere).then().statusCode(400).body("errors[0].field", equalTo("envelopeId"));

        String whole = created(LINES, subLine(parent, 1_000_000L, "DRAFT"));
        post(LINES, subLine(parent, 1L, "DRAFT")).then().statusCode(409);
        post(LINES + "/" + whole + "/cancel", null).then().statusCode(200).body("status", equalTo("CANCELLED"));
        String sub = created(LINES, subLine(parent, 1_000_000L, "DRAFT"));

        assertThat(get(LINES + "/" + sub).get("envelopeId")).isEqualTo(envelope);
    }

    @Test
    void aParentCannotBeCommittedBelowItsSubLines() {
        String envelope = envelope(null);
        String parent = created(LINES, line(envelope, null, "DRAFT"));
        created(LINES, subLine(parent, 300L, "DRAFT"));

        post(LINES + "/" + parent + "/commit", Map.of("amountCents", 299L)).then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/parent-amount-exceeded"));
        post(LINES + "/" + parent + "/commit", Map.of("amountCents", 300L)).then().statusCode(200);
    }

    @Test
    void onlyLegalTransitionsAreAllowedAndA409NamesTheStatuses() {
        String envelope = envelope(null);
        String line = committedLine(envelope, 1_000L);

        post(LINES + "/" + line + "/commit", Map.of()).then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/wrong-status"))
                .body("detail", containsString("the line is COMMITTED; commit needs DRAFT; from COMMITTED the line can "
                        + "move to PARTLY_PAID, PAID, CANCELLED"));
        post(LINES + "/" + line + "/close", null).then().statusCode(409)
                .body("detail", containsString("close needs PAID"));
        pay(line, 1_000L).then().statusCode(201);
        post(LINES + "/" + line + "/cancel", null).then().statusCode(409)
                .body("detail", containsString("the line is PAID; cancel needs DRAFT, COMMITTED"));
        post(LINES + "/" + line + "/close", null).then().statusCode(200).body("status", equalTo("CLOSED"));
        pay(line, -1_000L).then().statusCode(409)
                .body("detail", containsString("from CLOSED the line can move to nothing (final)"));
        assertThat(number(get("/api/funding/envelopes/" + envelope), "committedCents"))
                .as("a closed line stays committed").isEqualTo(1_000L);
    }

    @Test
    void aCommittedLineWithAPaymentEntryCannotBeCancelledEvenWhenItNetsToZero() {
        String line = committedLine(envelope(null), 1_000L);
        pay(line, 400L).then().statusCode(201);
        pay(line, -400L).then().statusCode(201);

        assertThat(get(LINES + "/" + line).get("status")).isEqualTo("COMMITTED");
        post(LINES + "/" + line + "/cancel", null).then().statusCode(409)
                .body("detail", containsString("payment entries"));
    }

    @Test
    void aCancelledLineLeavesTheEnvelopesCommitment() {
        String envelope = envelope(1_000L);
        String line = committedLine(envelope, 1_000L);
        post(LINES + "/" + line + "/cancel", null).then().statusCode(200);

        assertThat(number(get("/api/funding/envelopes/" + envelope), "committedCents")).isZero();
        committedLine(envelope, 1_000L);
    }

    @Test
    void forecastsAndOutputsAreShownButForecastsAreNeverCommitted() {
        String envelope = envelope(10_000L);
        Map<String, Object> body = line(envelope, 10_000L, "COMMITTED");
        body.put("forecasts", List.of(Map.of("year", 2022, "amountCents", 5_000L), Map.of("year", 2021, "amountCents", 7_000L)));
        body.put("outputs", List.of(Map.of("unit", "ordinateurs", "target", 1500, "targetQualifier", "UP_TO")));
        body.put("territory", Map.of("level", "COMMUNE", "code", TestFunding.LA_COURNEUVE));
        body.put("cofinancingShareBasisPoints", 8000);

        Map<String, Object> shown = get(LINES + "/" + created(LINES, body));

        assertThat(shown.get("forecasts")).isEqualTo(List.of(
                Map.of("year", 2021, "amountCents", 7000, "amount", "70.00", "forecast", true),
                Map.of("year", 2022, "amountCents", 5000, "amount", "50.00", "forecast", true)));
        Map<String, Object> output = new HashMap<>();
        output.put("unit", "ordinateurs");
        output.put("description", null);
        output.put("target", 1500);
        output.put("targetQualifier", "UP_TO");
        assertThat(shown.get("outputs")).isEqualTo(List.of(output));
        assertThat(number(shown, "committedCents")).isEqualTo(10_000L);
        assertThat(number(get("/api/funding/envelopes/" + envelope), "remainingCents"))
                .as("forecasts take nothing from the ceiling").isZero();
    }

    @Test
    void badInputIsA400NamingEachFieldAndStoresNothing() {
        String envelope = envelope(null);
        Map<String, Object> body = line(envelope, -5L, "PAID");
        body.put("object", "x".repeat(257));
        body.put("key", "Not Kebab");
        body.put("cofinancingShareBasisPoints", 10_001);
        body.put("nature", "CASH");
        body.put("territory", Map.of("level", "COMMUNE", "code", ""));
        body.put("outputs", List.of(Map.of("unit", "", "target", 0)));

        Response refused = post(LINES, body);

        refused.then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        assertThat(fields(refused)).contains("amountCents", "status", "object", "key", "cofinancingShareBasisPoints",
                "nature", "territory.code", "outputs[0].unit", "outputs[0].target");
        assertThat(asList(LINES + "?envelopeId=" + envelope)).isEmpty();
    }

    @Test
    void rulesAcrossFieldsAreA400Too() {
        Map<String, Object> body = line(null, null, "COMMITTED");
        body.put("year", null);
        body.put("forecasts", List.of(Map.of("year", 2022, "amountCents", 1L)));

        Response refused = post(LINES, body);

        refused.then().statusCode(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("envelopeId", "amountCents", "year");
    }

    @Test
    void unknownReferencesAndTerritoriesAre400AndUnknownLines404() {
        Map<String, Object> body = line(envelope(null), 1L, "DRAFT");
        body.put("territory", Map.of("level", "COMMUNE", "code", "75056"));
        post(LINES, body).then().statusCode(400).body("errors[0].field", equalTo("territory.code"));
        body.remove("territory");
        body.put("beneficiaryId", UUID.randomUUID().toString());
        post(LINES, body).then().statusCode(400).body("errors[0].field", equalTo("beneficiaryId"));
        post(LINES, line(UUID.randomUUID().toString(), 1L, "DRAFT")).then().statusCode(400)
                .body("errors[0].field", equalTo("envelopeId"));
        post(LINES, subLine(UUID.randomUUID().toString(), 1L, "DRAFT")).then().statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        TestTokens.asAdmin().get(LINES + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        post(LINES + "/" + UUID.randomUUID() + "/commit", Map.of()).then().statusCode(404);
    }

    @Test
    void aKeyIsLoadedOnceTheSecondTimeIs409NamingTheFirst() {
        String key = "line-" + UUID.randomUUID();
        Map<String, Object> body = line(envelope(null), 1L, "DRAFT");
        body.put("key", key);
        String first = created(LINES, body);

        post(LINES, body).then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/duplicate-key"))
                .body("existing", equalTo("/api/funding/lines/" + first));
    }

    private static List<?> asList(String path) {
        return (List<?>) get(path).get("items");
    }
}
