package fr.inclusion93.structure.event;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fr.inclusion93.events.OutboxRelay;
import fr.inclusion93.events.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A row the broker can never take is parked after a few tries, holds back only its own aggregate's later events, shows
 * in the health check, and an operator can retry or discard it. Rows are written straight into the outbox: no valid
 * change of this service produces such a row.
 */
@QuarkusTest
class OutboxParkingTest {

    private static final String TOPIC = StructureRegistered.TOPIC;
    private static final String AGGREGATE_TYPE = "parking-test";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Test
    void aTooLargeRowIsParkedHoldsBackOnlyItsAggregateAndIsReplacedWhenDiscarded() {
        String stuck = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            KafkaTestClient.Watch events = kafka.watch(TOPIC);
            long tooLarge = insert(TOPIC, stuck, 1, Map.of("blob", "x".repeat(1_200_000)));
            long behindIt = insert(TOPIC, stuck, 2, Map.of("step", "second"));
            long otherAggregate = insert(TOPIC, other, 1, Map.of("step", "first"));
            relay.wake();

            await().atMost(WAIT).until(() -> isSent(otherAggregate) && isParked(tooLarge));
            assertThat(isSent(behindIt)).as("the aggregate's later event waits behind the parked one").isFalse();
            assertThat(text("select last_error from outbox_event where id = ?1", tooLarge)).contains("RecordTooLargeException");
            asAdmin().get("/admin/events/outbox/parked").then().statusCode(200).body("id", hasItem((int) tooLarge));
            asAdmin().get("/q/health").then().statusCode(503)
                    .body("checks.find { it.name == 'events' }.status", equalTo("DOWN"));

            asAdmin().queryParam("reason", "payload over the broker's limit").post("/admin/events/outbox/parked/" + tooLarge + "/discard")
                    .then().statusCode(200).body("eventType", equalTo("ParkingProbe"));

            await().atMost(WAIT).until(() -> isSent(tooLarge) && isSent(behindIt));
            List<ConsumerRecord<String, String>> stuckEvents = awaitRecords(events, stuck, 2);
            assertThat(stuckEvents.get(0).value()).contains("\"eventType\":\"EventDiscarded\"").contains("\"aggregateVersion\":1")
                    .contains("payload over the broker's limit");
            assertThat(stuckEvents.get(1).value()).contains("\"aggregateVersion\":2");
        }
    }

    @Test
    void aRowForAMissingTopicIsParkedThenSentOnRetryOnceTheTopicExists() throws Exception {
        String topic = "parking-test." + UUID.randomUUID();
        long row = insert(topic, UUID.randomUUID().toString(), 1, Map.of("step", "first"));
        relay.wake();

        await().atMost(WAIT).until(() -> isParked(row));
        assertThat(text("select last_error from outbox_event where id = ?1", row)).contains("topic " + topic + " does not exist");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        asAdmin().post("/admin/events/outbox/parked/" + row + "/retry").then().statusCode(200).body("id", equalTo((int) row));

        await().atMost(WAIT).until(() -> isSent(row));
        asAdmin().post("/admin/events/outbox/parked/" + row + "/retry").then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("not-found"));
    }

    @Test
    void aRowForATopicThatDoesNotExistIsDiscardedWithoutSending() {
        long row = insert("parking-test." + UUID.randomUUID(), UUID.randomUUID().toString(), 1, Map.of("step", "first"));
        relay.wake();
        await().atMost(WAIT).until(() -> isParked(row));

        asAdmin().post("/admin/events/outbox/parked/" + row + "/discard").then().statusCode(200);

        assertThat(isSent(row)).isTrue();
        assertThat(text("select last_error from outbox_event where id = ?1", row)).contains("not sent");
        asAdmin().get("/admin/events/outbox/parked").then().statusCode(200).body("id", not(hasItem((int) row)));
    }

    private List<ConsumerRecord<String, String>> awaitRecords(KafkaTestClient.Watch events, String key, int count) {
        await().atMost(WAIT).until(() -> events.seen().stream().filter(r -> key.equals(r.key())).count() >= count);
        return events.seen().stream().filter(r -> key.equals(r.key())).toList();
    }

    private long insert(String topic, String aggregateId, long version, Map<String, ?> payload) {
        UUID eventId = UUID.randomUUID();
        String envelope = KafkaTestClient.envelope(eventId, "ParkingProbe", AGGREGATE_TYPE, aggregateId, version, payload);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, aggregate_version, event_type,
                                          schema_version, envelope, occurred_at)
                values (?1, ?2, ?3, ?4, ?5, 'ParkingProbe', 1, ?6, now()) returning id""")
                .setParameter(1, eventId).setParameter(2, topic).setParameter(3, AGGREGATE_TYPE).setParameter(4, aggregateId)
                .setParameter(5, version).setParameter(6, envelope)
                .getSingleResult()).longValue());
    }

    private boolean isSent(long id) {
        return text("select cast(sent_at as text) from outbox_event where id = ?1", id) != null;
    }

    private boolean isParked(long id) {
        return text("select cast(parked_at as text) from outbox_event where id = ?1", id) != null;
    }

    private String text(String sql, long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(sql)
                .setParameter(1, id).getSingleResult());
    }
}
