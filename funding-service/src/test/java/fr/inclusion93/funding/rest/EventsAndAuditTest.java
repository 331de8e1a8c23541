package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.committedLine;
import static fr.inclusion93.funding.rest.TestFunding.created;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.line;
import static fr.inclusion93.funding.rest.TestFunding.pay;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.security.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a change leaves behind in its transaction: outbox rows (FundingLineCommitted, PaymentRecorded) and audit rows. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class EventsAndAuditTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void aCommitmentAndItsPaymentsAreInTheOutboxInOrderAndHonourTheirSchemas() throws Exception {
        String envelope = envelope(null);
        String line = created("/api/funding/lines", line(envelope, 40_000_000L, "DRAFT"));
        post("/api/funding/lines/" + line + "/commit", Map.of()).then().statusCode(200);
        pay(line, 10_000_000L).then().statusCode(201);
        pay(line, -2_500_000L).then().statusCode(201);

        List<String> events = outbox(line);

        assertThat(events).hasSize(3);
        events.forEach(event -> assertThat(EventSchemas.violations(event)).isEmpty());
        List<JsonNode> parsed = new ArrayList<>();
        for (String event : events) {
            parsed.add(mapper.readTree(event));
        }
        assertThat(parsed).extracting(e -> e.get("eventType").asText())
                .containsExactly("FundingLineCommitted", "PaymentRecorded", "PaymentRecorded");
        assertThat(parsed).extracting(e -> e.get("aggregateVersion").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(parsed.get(0).get("actor").asText()).isEqualTo("test-admin");
        assertThat(parsed.get(0).get("payload").get("amountCents").asLong()).isEqualTo(40_000_000L);
        JsonNode creditNote = parsed.get(2).get("payload");
        assertThat(creditNote.get("kind").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(creditNote.get("amountCents").asLong()).isEqualTo(-2_500_000L);
        assertThat(creditNote.get("linePaidCents").asLong()).isEqualTo(7_500_000L);
        assertThat(creditNote.get("lineStatus").asText()).isEqualTo("PARTLY_PAID");
    }

    @Test
    void aDraftPublishesNothingAndARefusedCommitmentLeavesNoTrace() throws Exception {
        String envelope = envelope(100L);
        String draft = created("/api/funding/lines", line(envelope, 200L, "DRAFT"));

        post("/api/funding/lines/" + draft + "/commit", Map.of()).then().statusCode(409);

        assertThat(outbox(draft)).isEmpty();
        assertThat(audit(draft)).containsExactly("FundingLineCreated");
    }

    @Test
    void everyChangeOfALineIsAuditedWithItsStateBeforeAndAfter() throws Exception {
        String line = committedLine(envelope(null), 1_000L);
        pay(line, 1_000L).then().statusCode(201);
        post("/api/funding/lines/" + line + "/close", null).then().statusCode(200);

        assertThat(audit(line)).containsExactly("FundingLineCreated", "PaymentRecorded", "FundingLineClosed");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT actor, before ->> 'status', after ->> 'status', "
                        + "after ->> 'paidCents' FROM audit_record WHERE record_id = ? AND action = 'PaymentRecorded'")) {
            query.setString(1, line);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("test-admin");
                assertThat(row.getString(2)).isEqualTo("COMMITTED");
                assertThat(row.getString(3)).isEqualTo("PAID");
                assertThat(row.getString(4)).isEqualTo("1000");
            }
        }
    }

    @Test
    void creationsOfFundersProgrammesEnvelopesAndBeneficiariesAreAudited() throws Exception {
        String envelope = envelope(null);
        String beneficiary = created("/api/funding/beneficiaries", Map.of("name", "Hub Francil'in"));

        assertThat(audit(envelope)).containsExactly("EnvelopeCreated");
        assertThat(audit(beneficiary)).containsExactly("BeneficiaryCreated");
    }

    private List<String> outbox(String lineId) throws Exception {
        return strings("SELECT envelope FROM outbox_event WHERE aggregate_type = 'funding-line' AND aggregate_id = ? "
                + "ORDER BY aggregate_version", lineId);
    }

    private List<String> audit(String recordId) throws Exception {
        return strings("SELECT action FROM audit_record WHERE record_id = ? AND record_type <> 'payment' ORDER BY id", recordId);
    }

    private List<String> strings(String sql, String parameter) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
