package fr.inclusion93.conseiller.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.inclusion93.events.EventKind;
import fr.inclusion93.events.IdempotentConsumer;
import fr.inclusion93.events.PoisonEventException;
import fr.inclusion93.events.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The shared consumer's transaction and retry rules, on this service's real database. */
@QuarkusTest
class IdempotentConsumerTest {

    private static final String CONSUMER = "idempotent-consumer-test";
    private static final EventKind<JsonNode> REGISTERED = new EventKind<>("StructureRegistered", 1, JsonNode.class);

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager entityManager;

    @Test
    void aFailingEffectIsRetriedThenGivenUpWithNothingRecorded() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> consumer.apply(CONSUMER, record(eventId), REGISTERED, (event, payload) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("projection unavailable");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("failed 3 times: projection unavailable");

        assertThat(attempts).hasValue(3);
        assertThat(processedRows(eventId)).as("the claim rolled back with the effect").isZero();
    }

    @Test
    void anEffectThatRecoversIsAppliedOnceAndThenSkipped() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();

        boolean applied = consumer.apply(CONSUMER, record(eventId), REGISTERED, (event, payload) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("transient");
            }
        });
        boolean appliedAgain = consumer.apply(CONSUMER, record(eventId), REGISTERED,
                (event, payload) -> attempts.incrementAndGet());

        assertThat(applied).isTrue();
        assertThat(appliedAgain).isFalse();
        assertThat(attempts).hasValue(2);
        assertThat(processedRows(eventId)).isOne();
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        UUID eventId = UUID.randomUUID();
        ConsumerRecord<String, String> record = record(eventId);
        AtomicInteger effects = new AtomicInteger();
        int deliveries = 6;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        List<Boolean> applied = new ArrayList<>();
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                calls.add(() -> consumer.apply(CONSUMER, record, REGISTERED, (event, payload) -> effects.incrementAndGet()));
            }
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                applied.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(applied).containsOnlyOnce(true);
        assertThat(effects).hasValue(1);
        assertThat(processedRows(eventId)).isOne();
    }

    @Test
    void otherEventTypesAreLeftAloneAndUnknownVersionsRefused() {
        String id = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        String unknownType = KafkaTestClient.envelope("StructureRenamed", "structure", id, Map.of("name", "New"));
        String nextVersion = KafkaTestClient.envelope("StructureRegistered", "structure", id, Map.of()).replace(
                "\"schemaVersion\":1", "\"schemaVersion\":2");

        boolean applied = consumer.apply(CONSUMER, new ConsumerRecord<>("structure.events", 0, 0, id, unknownType),
                REGISTERED, (event, payload) -> attempts.incrementAndGet());

        assertThat(applied).isFalse();
        assertThatThrownBy(() -> consumer.apply(CONSUMER, new ConsumerRecord<>("structure.events", 0, 0, id, nextVersion),
                REGISTERED, (event, payload) -> attempts.incrementAndGet()))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("v2 is not supported");
        assertThat(attempts).hasValue(0);
    }

    @Test
    void aPoisonEventIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        ConsumerRecord<String, String> garbage = new ConsumerRecord<>("structure.events", 0, 0, "k",
                "{\"eventId\": 1, \"eventType\": \"StructureRegistered\", \"schemaVersion\": 1}");

        assertThatThrownBy(() -> consumer.apply(CONSUMER, garbage, REGISTERED, (event, payload) -> attempts.incrementAndGet()))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("breaks its schema");
        assertThat(attempts).hasValue(0);
    }

    private static ConsumerRecord<String, String> record(UUID eventId) {
        String id = UUID.randomUUID().toString();
        return new ConsumerRecord<>("structure.events", 0, 0, id, KafkaTestClient.envelope(eventId, "StructureRegistered",
                "structure", id, Map.of("structureId", id, "name", "Test", "siret", "21930066300016", "communeInsee", "93066")));
    }

    private long processedRows(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, CONSUMER).setParameter(2, eventId).getSingleResult()).longValue());
    }
}
