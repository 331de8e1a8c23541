package fr.inclusion93.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Applies each event at most once per consumer: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so a redelivered event changes nothing.
 * <ul>
 * <li>A poison event (unreadable, off-schema, a version this consumer does not know) fails at once.</li>
 * <li>An effect that fails for a reason of its own is tried {@code event-consumer.max-attempts} times.</li>
 * <li>While the database is unreachable the event is retried until it comes back: an outage of this
 * service must not dead-letter healthy events.</li>
 * </ul>
 * What fails reaches the channel, whose {@code dead-letter-queue} failure strategy publishes the record with the
 * reason and moves on.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ObjectMapper mapper;
    private final EventConsumerConfig config;
    private final MeterRegistry registry;

    IdempotentConsumer(ObjectMapper mapper, EventConsumerConfig config, MeterRegistry registry) {
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Applies the record if it carries this kind of event. Other event types on the topic are left alone and
     * not recorded, so a later version of this consumer can still apply them.
     *
     * @param consumer names this consumer in {@code processed_event} (one service may have several)
     * @param effect   what to do with the event, run inside the transaction
     * @return true when the effect ran, false when the event had been applied before or is of another type
     */
    public <T> boolean apply(String consumer, ConsumerRecord<String, String> record, EventKind<T> kind,
            BiConsumer<EventEnvelope, T> effect) {
        try {
            JsonNode header = peek(record);
            if (!kind.eventType().equals(header.path("eventType").asText())) {
                return false;
            }
            if (header.path("schemaVersion").asInt() != kind.schemaVersion()) {
                throw new PoisonEventException("%s v%s is not supported by %s (reads v%d)".formatted(kind.eventType(),
                        header.path("schemaVersion").asText(), consumer, kind.schemaVersion()));
            }
            EventEnvelope event = read(record.value(), header);
            T payload = payloadOf(event, kind.payloadType());
            return applyOnce(consumer, event, e -> effect.accept(e, payload));
        } catch (PoisonEventException e) {
            registry.counter("events.consumed", "consumer", consumer, "type", kind.eventType(), "result", "poison")
                    .increment();
            throw e;
        }
    }

    private boolean applyOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> effect) {
        int failures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> recordAndApply(consumer, event, effect));
                count(consumer, event, applied ? "applied" : "duplicate");
                return applied;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean databaseDown = isDatabaseUnreachable(e);
                if (!databaseDown && ++failures >= config.maxAttempts()) {
                    count(consumer, event, "dead-lettered");
                    throw new IllegalStateException("%s %s failed %d times: %s"
                            .formatted(event.eventType(), event.eventId(), failures, e.getMessage()), e);
                }
                Log.warnf("%s: attempt %d on %s %s failed (%s), retrying%s", consumer, attempt, event.eventType(),
                        event.eventId(), e.getMessage(), databaseDown ? " until the database answers" : "");
                pause(attempt);
            }
        }
    }

    private static boolean recordAndApply(String consumer, EventEnvelope event,
            Consumer<EventEnvelope> effect) {
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

    /** The envelope as a tree, to see its type and version before checking it against their schema. */
    private JsonNode peek(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonEventException("empty message at offset " + record.offset());
        }
        try {
            JsonNode envelope = mapper.readTree(record.value());
            if (envelope == null || !envelope.isObject()) {
                throw new PoisonEventException("event breaks its schema: not a JSON object");
            }
            if (!envelope.path("eventType").isTextual()) {
                throw new PoisonEventException("event breaks its schema: no eventType");
            }
            return envelope;
        } catch (PoisonEventException e) {
            throw e;
        } catch (Exception e) {
            throw new PoisonEventException("event breaks its schema: not a JSON object: " + e.getMessage());
        }
    }

    /** Checks the record against its schemas, then binds the tree {@link #peek} already parsed. */
    private EventEnvelope read(String json, JsonNode tree) {
        List<String> violations = EventSchemas.violations(json);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("event breaks its schema: " + String.join("; ", violations));
        }
        try {
            return mapper.treeToValue(tree, EventEnvelope.class);
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

    /** Connection-level failures (SQL state class 08, pool exhausted, server restarting) pass; the event is sound. */
    private static boolean isDatabaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private void pause(int attempt) {
        long millis = Math.min(MAX_BACKOFF.toMillis(), config.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
