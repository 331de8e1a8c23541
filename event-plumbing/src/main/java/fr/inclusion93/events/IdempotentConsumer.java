package fr.inclusion93.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies each event at most once per consumer: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so a redelivered event changes nothing. A failing effect is retried a bounded number
 * of times; then the exception reaches the channel, whose {@code dead-letter-queue} failure strategy publishes the
 * record with the reason and moves on. A poison event (unreadable, off-schema) skips the retries.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final ObjectMapper mapper;
    private final EventConsumerConfig config;
    private final MeterRegistry registry;

    IdempotentConsumer(ObjectMapper mapper, EventConsumerConfig config, MeterRegistry registry) {
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Applies events of one type, with their payload read as {@code payloadType}; other types on the topic are
     * left alone and not recorded, so a later version of this consumer can still apply them.
     *
     * @param consumer names this consumer in {@code processed_event} (one service may have several)
     * @param effect   what to do with the event, run inside the transaction
     * @return true when the effect ran, false when the event had been applied before or is of another type
     */
    public <T> boolean apply(String consumer, ConsumerRecord<String, String> record, String eventType,
            Class<T> payloadType, BiConsumer<EventEnvelope, T> effect) {
        EventEnvelope event = read(record);
        if (!eventType.equals(event.eventType())) {
            return false;
        }
        T payload = payloadOf(event, payloadType);
        return applyOnce(consumer, event, e -> effect.accept(e, payload));
    }

    /** Applies every event of the record's topic; see {@link #apply(String, ConsumerRecord, String, Class, BiConsumer)}. */
    public boolean apply(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope> effect) {
        return applyOnce(consumer, read(record), effect);
    }

    private boolean applyOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> effect) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> recordAndApply(consumer, event, effect));
                count(consumer, event, applied ? "applied" : "duplicate");
                return applied;
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    count(consumer, event, "dead-lettered");
                    throw new IllegalStateException("%s %s failed %d times: %s"
                            .formatted(event.eventType(), event.eventId(), attempt, e.getMessage()), e);
                }
                Log.warnf("%s: attempt %d on %s %s failed (%s), retrying", consumer, attempt, event.eventType(),
                        event.eventId(), e.getMessage());
                pause(attempt);
            }
        }
    }

    private static boolean recordAndApply(String consumer, EventEnvelope event, Consumer<EventEnvelope> effect) {
        if (!ProcessedEvent.record(consumer, event)) {
            Log.debugf("%s: %s %s already applied, skipped", consumer, event.eventType(), event.eventId());
            return false;
        }
        effect.accept(event);
        return true;
    }

    private void count(String consumer, EventEnvelope event, String result) {
        registry.counter("events.consumed", "consumer", consumer, "type", event.eventType(), "result", result)
                .increment();
    }

    private EventEnvelope read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonEventException("empty message at offset " + record.offset());
        }
        List<String> violations = EventSchemas.violations(record.value());
        if (!violations.isEmpty()) {
            throw new PoisonEventException("event breaks its schema: " + String.join("; ", violations));
        }
        try {
            return mapper.readValue(record.value(), EventEnvelope.class);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable event: " + e.getMessage());
        }
    }

    private <T> T payloadOf(EventEnvelope event, Class<T> payloadType) {
        try {
            return mapper.treeToValue(event.payload(), payloadType);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable %s payload: %s".formatted(event.eventType(), e.getMessage()));
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(config.initialBackoff().toMillis() << (attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
