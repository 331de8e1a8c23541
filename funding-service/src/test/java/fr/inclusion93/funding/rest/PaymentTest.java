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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payments: tranches and credit notes against a line's commitment, append-only, the line's status following. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class PaymentTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void tranchesAndCreditNotesMoveTheLineBetweenItsPaymentStatuses() {
        String envelope = envelope(null);
        String line = committedLine(envelope, 40_000_000L);

        pay(line, 10_000_000L).then().statusCode(201).body("kind", equalTo("TRANCHE")).body("amount", equalTo("100000.00"));
        assertThat(status(line)).isEqualTo("PARTLY_PAID");
        pay(line, 30_000_000L).then().statusCode(201);
        assertThat(status(line)).isEqualTo("PAID");
        pay(line, -1_500_050L).then().statusCode(201).body("kind", equalTo("CREDIT_NOTE")).body("amount", equalTo("-15000.50"));

        Map<String, Object> shown = get("/api/funding/lines/" + line);
        assertThat(shown.get("status")).isEqualTo("PARTLY_PAID");
        assertThat(number(shown, "paidCents")).isEqualTo(38_499_950L);
        assertThat(number(shown, "remainingToPayCents")).isEqualTo(1_500_050L);
        assertThat(shown.get("remainingToPay")).isEqualTo("15000.50");
        assertThat(number(get("/api/funding/envelopes/" + envelope), "paidCents")).isEqualTo(38_499_950L);
        List<Map<String, Object>> entries = (List<Map<String, Object>>) get("/api/funding/lines/" + line + "/payments").get("items");
        assertThat(entries).extracting(e -> e.get("amountCents")).containsExactly(10_000_000, 30_000_000, -1_500_050);
    }

    @Test
    void paymentsAboveTheCommitmentAreRefusedWithTheFiguresAndChangeNothing() {
        String line = committedLine(envelope(null), 40_000_000L);
        pay(line, 35_000_000L).then().statusCode(201);

        pay(line, 10_000_000L).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/payments-exceed-commitment"))
                .body("detail", containsString("committed 40000000 cents (400000.00 €), already paid 35000000 cents "
                        + "(350000.00 €), requested 10000000 cents (100000.00 €), excess 5000000 cents (50000.00 €)"));

        assertThat(number(get("/api/funding/lines/" + line), "paidCents")).isEqualTo(35_000_000L);
        assertThat((List<?>) get("/api/funding/lines/" + line + "/payments").get("items")).hasSize(1);
    }

    @Test
    void creditNotesNeverTakeThePaymentsBelowZero() {
        String line = committedLine(envelope(null), 4_000_000L);
        pay(line, 1_000_000L).then().statusCode(201);

        pay(line, -1_500_000L).then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/payments-below-zero"))
                .body("detail", containsString("already paid 1000000 cents (10000.00 €), requested -1500000 cents "
                        + "(-15000.00 €), shortfall 500000 cents (5000.00 €)"));
        pay(line, -1_000_000L).then().statusCode(201);
        assertThat(status(line)).as("all clawed back: owed again").isEqualTo("COMMITTED");
    }

    @Test
    void aDraftOrCancelledLineTakesNoPayment() {
        String envelope = envelope(null);
        String draft = created("/api/funding/lines", line(envelope, 1_000L, "DRAFT"));

        pay(draft, 100L).then().statusCode(409).body("detail", containsString("the line is DRAFT; a tranche needs "
                + "COMMITTED, PARTLY_PAID, PAID"));
        post("/api/funding/lines/" + draft + "/cancel", null).then().statusCode(200);
        pay(draft, 100L).then().statusCode(409).body("detail", containsString("the line is CANCELLED"));
    }

    @Test
    void badPaymentsAre400NamingEachFieldAndUnknownLines404() {
        String line = committedLine(envelope(null), 1_000L);

        Response refused = post("/api/funding/lines/" + line + "/payments", Map.of("reference", " "));
        refused.then().statusCode(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("amountCents", "paidOn", "reference");
        post("/api/funding/lines/" + line + "/payments", Map.of("amountCents", 0, "paidOn", "2021-01-01", "reference", "R"))
                .then().statusCode(400).body("errors[0].field", equalTo("amountCents"));
        post("/api/funding/lines/" + line + "/payments", Map.of("amountCents", 1.5, "paidOn", "2021-01-01", "reference", "R"))
                .then().statusCode(400);
        pay(UUID.randomUUID().toString(), 1L).then().statusCode(404);
        TestTokens.asAdmin().get("/api/funding/lines/" + UUID.randomUUID() + "/payments").then().statusCode(404);
        assertThat(number(get("/api/funding/lines/" + line), "paidCents")).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        String line = committedLine(envelope(null), 1_000L);
        Map<String, Object> body = Map.of("amountCents", 300, "paidOn", "2021-02-15", "reference", "MANDAT-1");
        String key = UUID.randomUUID().toString();

        String first = TestTokens.asAdmin().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/funding/lines/" + line + "/payments").then().statusCode(201).extract().path("id");
        String again = TestTokens.asAdmin().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/funding/lines/" + line + "/payments").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");

        assertThat(again).isEqualTo(first);
        assertThat(number(get("/api/funding/lines/" + line), "paidCents")).isEqualTo(300L);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAPayment() throws SQLException {
        String line = committedLine(envelope(null), 1_000L);
        String payment = pay(line, 500L).then().statusCode(201).extract().path("id");

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE payment SET amount_cents = 1 WHERE id = '" + payment + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM payment WHERE id = '" + payment + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE funding_line SET paid_cents = 2000 WHERE id = '" + line + "'"))
                    .as("a line's payments never exceed its amount, whoever writes").hasMessageContaining("check constraint");
        }
        assertThat(number(get("/api/funding/lines/" + line), "paidCents")).isEqualTo(500L);
    }

    private static String status(String line) {
        return (String) get("/api/funding/lines/" + line).get("status");
    }
}
