package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.committedLine;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.get;
import static fr.inclusion93.funding.rest.TestFunding.line;
import static fr.inclusion93.funding.rest.TestFunding.number;
import static fr.inclusion93.funding.rest.TestFunding.pay;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static fr.inclusion93.funding.rest.TestFunding.subLine;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.security.testing.Concurrently;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Each invariant under concurrency: 50 requests released together by a start gate, each of which alone would pass.
 * The successful ones never break the rule, the refused ones are 409, and the figures shown are the sum of the
 * successful ones exactly.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class ConcurrencyTest {

    private static final int REQUESTS = 50;

    @Test
    void fiftyParallelCommitmentsNeverExceedTheEnvelopesCeiling() throws Exception {
        long ceiling = 1_000_000L;
        String envelope = envelope(ceiling);
        long[] amounts = amounts();

        List<Response> responses = together(i -> () -> post("/api/funding/lines", line(envelope, amounts[i], "COMMITTED")));

        long accepted = acceptedWithin(responses, amounts, ceiling);
        assertThat(number(get("/api/funding/envelopes/" + envelope), "committedCents")).isEqualTo(accepted);
    }

    @Test
    void fiftyParallelSubLinesNeverExceedTheirParent() throws Exception {
        long parentAmount = 1_000_000L;
        String parent = committedLine(envelope(null), parentAmount);
        long[] amounts = amounts();

        List<Response> responses = together(i -> () -> post("/api/funding/lines", subLine(parent, amounts[i], "DRAFT")));

        long accepted = acceptedWithin(responses, amounts, parentAmount);
        assertThat(number(get("/api/funding/lines/" + parent), "subLinesCents")).isEqualTo(accepted);
    }

    @Test
    void fiftyParallelTranchesNeverExceedTheCommitment() throws Exception {
        long committed = 1_000_000L;
        String line = committedLine(envelope(null), committed);
        long[] amounts = amounts();

        List<Response> responses = together(i -> () -> pay(line, amounts[i]));

        long accepted = acceptedWithin(responses, amounts, committed);
        assertThat(number(get("/api/funding/lines/" + line), "paidCents")).isEqualTo(accepted);
    }

    @Test
    void fiftyParallelCreditNotesNeverTakeThePaymentsBelowZero() throws Exception {
        String line = committedLine(envelope(null), 1_000_000L);
        pay(line, 1_000_000L).then().statusCode(201);
        long[] amounts = amounts();

        List<Response> responses = together(i -> () -> pay(line, -amounts[i]));

        long clawedBack = acceptedWithin(responses, amounts, 1_000_000L);
        assertThat(number(get("/api/funding/lines/" + line), "paidCents")).isEqualTo(1_000_000L - clawedBack);
    }

    /** 50 amounts from 40,000 to 89,000 cents: about 3,200,000 in all, so roughly a third fit in 1,000,000. */
    private static long[] amounts() {
        long[] amounts = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            amounts[i] = 40_000L + 1_000L * i;
        }
        return amounts;
    }

    /**
     * The sum of the accepted requests' amounts, once it is checked to be within the limit, and every other request
     * refused with 409 (some must be: the 50 amounts together are about three times the limit).
     */
    private static long acceptedWithin(List<Response> responses, long[] amounts, long limit) {
        long sum = 0;
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).statusCode() == 201) {
                sum += amounts[i];
            }
        }
        assertThat(responses).extracting(Response::statusCode).containsOnly(201, 409).contains(409);
        assertThat(sum).isLessThanOrEqualTo(limit).isGreaterThan(0);
        return sum;
    }

    private static List<Response> together(IntFunction<Callable<Response>> request) throws Exception {
        return Concurrently.run(REQUESTS, request);
    }
}
