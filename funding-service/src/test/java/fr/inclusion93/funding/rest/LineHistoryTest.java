package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.committedLine;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.pay;
import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit trail of funding lines: one line's, and every line's in a period. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class LineHistoryTest {

    @Test
    @SuppressWarnings("unchecked")
    void aLinesHistoryShowsEachChangeBeforeAndAfterOldestFirst() {
        String line = committedLine(envelope(null), 100_000);
        pay(line, 40_000).then().statusCode(201);
        pay(line, 60_000).then().statusCode(201);

        List<Map<String, Object>> items = asAdmin().get("/api/funding/lines/" + line + "/history")
                .then().statusCode(200).extract().path("items");

        assertThat(items).extracting(i -> i.get("action"))
                .containsExactly("FundingLineCreated", "PaymentRecorded", "PaymentRecorded");
        assertThat(items).allSatisfy(i -> assertThat(i.get("recordId")).isEqualTo(line));
        Map<String, Object> last = items.get(2);
        assertThat(((Map<String, Object>) last.get("before")).get("status")).isEqualTo("PARTLY_PAID");
        assertThat(((Map<String, Object>) last.get("after")).get("status")).isEqualTo("PAID");
        assertThat(((Map<String, Object>) last.get("after")).get("paidCents")).isEqualTo(100_000);
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeating() {
        String line = committedLine(envelope(null), 100_000);
        for (int i = 0; i < 3; i++) {
            pay(line, 10_000).then().statusCode(201);
        }
        String path = "/api/funding/lines/" + line + "/history";
        String next = asAdmin().queryParam("limit", 2).get(path).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(2)).extract().path("next");
        asAdmin().queryParam("limit", 2).queryParam("cursor", next).get(path).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(2))
                .body("items[1].action", org.hamcrest.Matchers.is("PaymentRecorded"))
                .body("next", org.hamcrest.Matchers.nullValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChangesOfAPeriodHoldEveryLinesChanges() {
        Instant from = Instant.now().minusSeconds(1);
        String first = committedLine(envelope(null), 10_000);
        String second = committedLine(envelope(null), 20_000);

        List<Map<String, Object>> items = asAdmin().queryParam("from", from.toString()).queryParam("limit", 500)
                .get("/api/funding/lines/history").then().statusCode(200).extract().path("items");

        assertThat(items).extracting(i -> i.get("recordId")).contains(first, second);
        assertThat(items).allSatisfy(i -> assertThat(i.get("recordType")).isEqualTo("funding-line"));
    }

    @Test
    void anUnknownLineIs404BadParameters400() {
        asAdmin().get("/api/funding/lines/" + UUID.randomUUID() + "/history")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        asAdmin().get("/api/funding/lines/not-a-uuid/history").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        String line = committedLine(envelope(null), 10_000);
        Problem problem = asAdmin().queryParam("limit", "0").queryParam("cursor", "!!!")
                .get("/api/funding/lines/" + line + "/history")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactlyInAnyOrder("limit", "cursor");
        Problem period = asAdmin().get("/api/funding/lines/history")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(period.errors()).extracting(Problem.FieldError::field).containsExactly("from");
    }

    @Test
    void onlyAdminsAndAuditorsReadTheTrail() {
        String line = committedLine(envelope(null), 10_000);
        String path = "/api/funding/lines/" + line + "/history";
        for (String allowed : List.of(token(Roles.ADMIN), token(Roles.AUDITOR))) {
            as(allowed).get(path).then().statusCode(200);
        }
        for (String refused : List.of(token(Roles.DASHBOARD), partnerOf(TestTokens.PLAINE_COMMUNE))) {
            as(refused).get(path).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        }
    }
}
