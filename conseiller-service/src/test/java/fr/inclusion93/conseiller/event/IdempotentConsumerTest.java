package fr.inclusion93.conseiller.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.inclusion93.events.Consumption;
import fr.inclusion93.events.EventEnvelope;
import fr.inclusion93.events.EventHandlers;
import fr.inclusion93.events.EventKind;
import fr.inclusion93.events.IdempotentConsumer;
import fr.inclusion93.events.PoisonEventException;
import fr.inclusion93.events.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared consumer's transaction, retry and ordering rules, on this service's real database. */
@QuarkusTest
class IdempotentConsumerTest {

    private static final EventKind<JsonNode> REGISTERED = new EventKind<>("StructureRegistered", 1, JsonNode.class);

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager entityManager;

    /** What the consumer under test does with each event; each test sets its own. */
    private volatile BiConsumer<EventEnvelope, JsonNode> effect;
    private String name;
    private EventHandlers handlers;

    @BeforeEach
    void newConsumer() {
        name = "idempotent-consumer-test-" + UUID.randomUUID();
        handlers = consumer.handlers(name).on(REGISTERED, (event, payload) -> effect.accept(event, payload));
    }

    @Test
    void aFailingEffectIsRetriedThenGivenUpWithNothingRecorded() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        effect = (event, payload) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("projection unavailable");
        };

        assertThatThrownBy(() -> handlers.accept(record(eventId, UUID.randomUUID().toString(), 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed 3 times: projection unavailable");

        assertThat(attempts).hasValue(3);
        assertThat(processedRows(eventId)).as("the claim rolled back with the effect").isZero();
    }

    @Test
    void transientDatabaseFailuresAreRetriedPastTheAttemptLimitAndNeverDeadLettered() {
        List<RuntimeException> transientFailures = List.of(
                jdbc(new SQLException("could not serialize access", "40001")),
                jdbc(new SQLException("deadlock detected", "40P01")),
                jdbc(new SQLException("sorry, too many clients already", "53300")),
                jdbc(new SQLException("Sorry, acquisition timeout!")),
                jdbc(new SQLException("terminating connection due to administrator command", "57P01")));
        AtomicInteger attempts = new AtomicInteger();
        effect = (event, payload) -> {
            int attempt = attempts.getAndIncrement();
            if (attempt < transientFailures.size()) {
                throw transientFailures.get(attempt);
            }
        };
        UUID eventId = UUID.randomUUID();

        Consumption result = handlers.accept(record(eventId, UUID.randomUUID().toString(), 1));

        assertThat(result).isEqualTo(Consumption.APPLIED);
        assertThat(attempts).as("five transient failures, then success; the limit is 3").hasValue(6);
        assertThat(processedRows(eventId)).isOne();
    }

    @Test
    void anEffectThatRecoversIsAppliedOnceAndThenSkipped() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        effect = (event, payload) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("transient");
            }
        };
        ConsumerRecord<String, String> record = record(eventId, UUID.randomUUID().toString(), 1);

        Consumption first = handlers.accept(record);
        Consumption again = handlers.accept(record);

        assertThat(first).isEqualTo(Consumption.APPLIED);
        assertThat(again).isEqualTo(Consumption.DUPLICATE);
        assertThat(attempts).hasValue(2);
        assertThat(processedRows(eventId)).isOne();
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        UUID eventId = UUID.randomUUID();
        ConsumerRecord<String, String> record = record(eventId, UUID.randomUUID().toString(), 1);
        AtomicInteger effects = new AtomicInteger();
        effect = (event, payload) -> effects.incrementAndGet();
        int deliveries = 6;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        List<Consumption> results = new ArrayList<>();
        try {
            List<Callable<Consumption>> calls = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                calls.add(() -> handlers.accept(record));
            }
            for (Future<Consumption> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).containsOnlyOnce(Consumption.APPLIED);
        assertThat(effects).hasValue(1);
        assertThat(processedRows(eventId)).isOne();
    }

    @Test
    void versionsDeliveredOutOfOrderAreAppliedInOrder() {
        String aggregate = UUID.randomUUID().toString();
        List<Long> applied = new CopyOnWriteArrayList<>();
        effect = (event, payload) -> applied.add(event.aggregateVersion());

        List<Consumption> results = List.of(
                handlers.accept(record(UUID.randomUUID(), aggregate, 1)),
                handlers.accept(record(UUID.randomUUID(), aggregate, 3)),
                handlers.accept(record(UUID.randomUUID(), aggregate, 2)));

        assertThat(results).containsExactly(Consumption.APPLIED, Consumption.HELD, Consumption.APPLIED);
        assertThat(applied).containsExactly(1L, 2L, 3L);
        assertThat(position(aggregate)).isEqualTo(3);
        assertThat(held(aggregate)).isZero();
    }

    @Test
    void aRepeatedOrOlderVersionIsIgnored() {
        String aggregate = UUID.randomUUID().toString();
        List<Long> applied = new CopyOnWriteArrayList<>();
        effect = (event, payload) -> applied.add(event.aggregateVersion());

        handlers.accept(record(UUID.randomUUID(), aggregate, 1));
        handlers.accept(record(UUID.randomUUID(), aggregate, 2));
        Consumption repeated = handlers.accept(record(UUID.randomUUID(), aggregate, 2));
        Consumption older = handlers.accept(record(UUID.randomUUID(), aggregate, 1));

        assertThat(repeated).isEqualTo(Consumption.STALE);
        assertThat(older).isEqualTo(Consumption.STALE);
        assertThat(applied).containsExactly(1L, 2L);
    }

    @Test
    void aVersionAfterAGapIsHeldUntilTheMissingOneArrives() {
        String aggregate = UUID.randomUUID().toString();
        List<Long> applied = new CopyOnWriteArrayList<>();
        effect = (event, payload) -> applied.add(event.aggregateVersion());

        handlers.accept(record(UUID.randomUUID(), aggregate, 1));
        Consumption afterGap = handlers.accept(record(UUID.randomUUID(), aggregate, 4));
        handlers.accept(record(UUID.randomUUID(), aggregate, 3));

        assertThat(afterGap).isEqualTo(Consumption.HELD);
        assertThat(applied).as("v2 never came: nothing after v1 is applied").containsExactly(1L);
        assertThat(held(aggregate)).isEqualTo(2);
        assertThat(position(aggregate)).isEqualTo(1);

        handlers.accept(record(UUID.randomUUID(), aggregate, 2));

        assertThat(applied).containsExactly(1L, 2L, 3L, 4L);
        assertThat(held(aggregate)).isZero();
    }

    @Test
    void anEventTypeNotReadMovesItsAggregatesVersionOnSoTheNextOneIsNoGap() {
        String aggregate = UUID.randomUUID().toString();
        List<Long> applied = new CopyOnWriteArrayList<>();
        effect = (event, payload) -> applied.add(event.aggregateVersion());
        String renamed = KafkaTestClient.envelope(UUID.randomUUID(), "StructureRenamed", "structure", aggregate, 2L,
                Map.of("name", "New name"));

        handlers.accept(record(UUID.randomUUID(), aggregate, 1));
        Consumption skipped = handlers.accept(new ConsumerRecord<>("structure.events", 0, 0, aggregate, renamed));
        Consumption third = handlers.accept(record(UUID.randomUUID(), aggregate, 3));

        assertThat(skipped).isEqualTo(Consumption.SKIPPED);
        assertThat(third).isEqualTo(Consumption.APPLIED);
        assertThat(applied).containsExactly(1L, 3L);
    }

    @Test
    void otherUnversionedTypesAreLeftAloneAndOtherVersionsOfAReadTypeSkipped() {
        String id = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        effect = (event, payload) -> attempts.incrementAndGet();
        String unknownType = KafkaTestClient.envelope("StructureRenamed", "structure", id, Map.of("name", "New"));
        String sideBySideCopy = KafkaTestClient.envelope(UUID.randomUUID(), "StructureRegistered", "structure", id, 1L,
                Map.of("id", id)).replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        Consumption other = handlers.accept(new ConsumerRecord<>("structure.events", 0, 0, id, unknownType));
        Consumption copy = handlers.accept(new ConsumerRecord<>("structure.events", 0, 0, id, sideBySideCopy));

        assertThat(other).isEqualTo(Consumption.OTHER_TYPE);
        assertThat(copy).isEqualTo(Consumption.UNSUPPORTED_VERSION);
        assertThat(attempts).hasValue(0);
        assertThat(position(id)).as("the copy this consumer reads moves the version, not this one").isZero();
    }

    @Test
    void aPropertyTheConsumerDoesNotKnowIsIgnored() {
        String id = UUID.randomUUID().toString();
        List<StructureChanged> payloads = new CopyOnWriteArrayList<>();
        EventHandlers typed = consumer.handlers(name + "-typed").on(StructureChanged.REGISTERED, (event, payload) -> payloads.add(payload));
        String withNewOptionalProperties = StructureEvents.envelope(UUID.randomUUID(), "StructureRegistered", 2, id, 1L,
                Map.of("structureId", id, "name", "Test", "siret", "21930066300016", "communeInsee", "93066",
                        "qpv", false, "status", "ACTIVE", "latitude", 48.93))
                .replace("\"eventType\"", "\"correlationId\":\"c-1\",\"eventType\"");

        Consumption result = typed.accept(new ConsumerRecord<>("structure.events", 0, 0, id, withNewOptionalProperties));

        assertThat(result).isEqualTo(Consumption.APPLIED);
        assertThat(payloads).containsExactly(new StructureChanged(UUID.fromString(id), "Test", "21930066300016", null, null,
                null, null, "93066", null, null, null, false, null, "ACTIVE", null, null));
    }

    @Test
    void envelopesWithAndWithoutAnActorAreBothApplied() {
        String aggregate = UUID.randomUUID().toString();
        List<String> actors = new CopyOnWriteArrayList<>();
        effect = (event, payload) -> actors.add(String.valueOf(event.actor()));
        ConsumerRecord<String, String> withoutActor = record(UUID.randomUUID(), aggregate, 1);
        String envelopeWithActor = record(UUID.randomUUID(), aggregate, 2).value()
                .replace("\"eventType\"", "\"actor\":\"ept-plaine-commune\",\"eventType\"");
        ConsumerRecord<String, String> withActor = new ConsumerRecord<>("structure.events", 0, 1, aggregate, envelopeWithActor);

        assertThat(handlers.accept(withoutActor)).isEqualTo(Consumption.APPLIED);
        assertThat(handlers.accept(withActor)).isEqualTo(Consumption.APPLIED);
        assertThat(actors).containsExactly("null", "ept-plaine-commune");
    }

    @Test
    void heldEventsWhoseTurnCameWithoutADrainAreAppliedByTheSweep() {
        String aggregate = UUID.randomUUID().toString();
        List<Long> applied = new CopyOnWriteArrayList<>();
        effect = (event, payload) -> applied.add(event.aggregateVersion());
        handlers.accept(record(UUID.randomUUID(), aggregate, 1));
        handlers.accept(record(UUID.randomUUID(), aggregate, 3));

        // v2 applied, then the process died before it applied the held v3
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update consumed_aggregate set version = 2 where consumer = ?1 and aggregate_id = ?2")
                .setParameter(1, name).setParameter(2, aggregate).executeUpdate());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied).containsExactly(1L, 3L));
        assertThat(held(aggregate)).isZero();
        assertThat(position(aggregate)).isEqualTo(3);
    }

    @Test
    void aPoisonEventIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        effect = (event, payload) -> attempts.incrementAndGet();
        ConsumerRecord<String, String> garbage = new ConsumerRecord<>("structure.events", 0, 0, "k",
                "{\"eventId\": 1, \"eventType\": \"StructureRegistered\", \"schemaVersion\": 1}");

        assertThatThrownBy(() -> handlers.accept(garbage))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("breaks its schema");
        assertThat(attempts).hasValue(0);
    }

    private static RuntimeException jdbc(SQLException cause) {
        return new GenericJDBCException("effect failed", cause);
    }

    private static ConsumerRecord<String, String> record(UUID eventId, String structureId, long version) {
        return new ConsumerRecord<>("structure.events", 0, 0, structureId, KafkaTestClient.envelope(eventId,
                "StructureRegistered", "structure", structureId, version,
                Map.of("structureId", structureId, "name", "Test", "siret", "21930066300016", "communeInsee", "93066")));
    }

    private long processedRows(UUID eventId) {
        return number("select count(*) from processed_event where consumer = ?1 and cast(event_id as text) = ?2", name,
                eventId.toString());
    }

    private long position(String aggregate) {
        return number("select coalesce(max(version), 0) from consumed_aggregate where consumer = ?1 and aggregate_id = ?2",
                name, aggregate);
    }

    private long held(String aggregate) {
        return number("select count(*) from held_event where consumer = ?1 and aggregate_id = ?2", name, aggregate);
    }

    private long number(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
