package fr.inclusion93.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Applies each event at most once per consumer, and each aggregate's events in version order.
 * <ul>
 * <li>The event id goes to {@code processed_event} in the same transaction as the effect: a redelivery changes nothing.</li>
 * <li>With an {@code aggregateVersion}, the consumer applies version n+1 after n; a version at or below the last one is
 * stale and ignored; one ahead of a gap is held and applied once the missing version arrives (a dead-lettered event
 * replayed, say). Types it does not read still move the aggregate's version on.</li>
 * <li>A poison event (unreadable, off-schema) fails at once, to the channel's dead-letter topic.</li>
 * <li>An effect that fails for a reason of its own is tried {@code event-consumer.max-attempts} times.</li>
 * <li>Transient failures (database unreachable or busy, deadlock, serialization failure, pool time-out) are retried
 * until they pass, however long that takes: they must not dead-letter a healthy event.</li>
 * </ul>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ObjectMapper mapper;
    private final EventConsumerConfig config;
    private final MeterRegistry registry;
    private final TraceContext traces;
    private final Map<String, EventHandlers> consumers = new ConcurrentHashMap<>();

    IdempotentConsumer(ObjectMapper mapper, EventConsumerConfig config, MeterRegistry registry, TraceContext traces) {
        this.mapper = mapper;
        this.config = config;
        this.registry = registry;
        this.traces = traces;
    }

    /** The consumer of this name, created on first use; add the event types it reads with {@link EventHandlers#on}. */
    public EventHandlers handlers(String consumer) {
        return consumers.computeIfAbsent(consumer, name -> new EventHandlers(name, this));
    }

    Consumption accept(EventHandlers handlers, ConsumerRecord<String, String> record) {
        String traceparent = header(record, EventEnvelope.TRACEPARENT_HEADER);
        Span span = traces.startConsumerSpan(handlers.consumer() + " " + record.topic(), traceparent);
        try (Scope scope = span.makeCurrent()) {
            Consumption result = receive(handlers, record, traceparent);
            span.setAttribute("event.result", result.metricTag());
            return result;
        } catch (PoisonEventException e) {
            registry.counter("events.consumed", "consumer", handlers.consumer(), "type", typeOf(record), "result", "poison")
                    .increment();
            throw e;
        } finally {
            span.end();
        }
    }

    private Consumption receive(EventHandlers handlers, ConsumerRecord<String, String> record, String traceparent) {
        JsonNode tree = peek(record);
        String type = tree.path("eventType").asText();
        EventHandlers.Handler<?> handler = handlers.handler(type);
        if (handler != null && tree.path("schemaVersion").asInt() != handler.kind().schemaVersion()) {
            return count(handlers, type, Consumption.UNSUPPORTED_VERSION);
        }
        EventEnvelope event = read(record.value(), tree, handler != null);
        if (handler == null && event.aggregateVersion() == null) {
            return Consumption.OTHER_TYPE; // nothing to keep in step: a later version of this consumer may read it
        }
        Object payload = handler == null ? null : payloadOf(event, handler.kind().payloadType());
        Step step;
        try {
            step = withRetries(handlers.consumer(), event,
                    () -> inOrder(handlers.consumer(), event, record.value(), traceparent, handler, payload));
        } catch (GaveUpException e) {
            count(handlers, type, "dead-lettered");
            throw e;
        }
        count(handlers, type, step.result());
        if (step.nextIsHeld()) {
            applyHeldSuccessors(handlers, event.aggregateType(), event.aggregateId());
        }
        return step.result();
    }

    /** What one transaction did, and whether the aggregate's next version is already waiting among the held events. */
    private record Step(Consumption result, boolean nextIsHeld) {
        static Step of(Consumption result) {
            return new Step(result, false);
        }
    }

    /** The transaction: claim the event id, check the aggregate's position, apply or hold, move the position. */
    private Step inOrder(String consumer, EventEnvelope event, String json, String traceparent,
            EventHandlers.Handler<?> handler, Object payload) {
        if (!ConsumerLedger.recordProcessed(consumer, event, TraceContext.currentTraceId())) {
            return Step.of(Consumption.DUPLICATE);
        }
        if (event.aggregateVersion() == null) {
            handler.apply(event, payload);
            return Step.of(Consumption.APPLIED);
        }
        long position = ConsumerLedger.lockPosition(consumer, event.aggregateType(), event.aggregateId());
        if (event.aggregateVersion() <= position) {
            return Step.of(Consumption.STALE);
        }
        if (event.aggregateVersion() > position + 1) {
            ConsumerLedger.hold(consumer, event, json, traceparent);
            Log.infof("%s: %s v%d of %s %s held until v%d arrives", consumer, event.eventType(), event.aggregateVersion(),
                    event.aggregateType(), event.aggregateId(), position + 1);
            return Step.of(Consumption.HELD);
        }
        if (handler != null) {
            handler.apply(event, payload);
        }
        ConsumerLedger.advance(consumer, event.aggregateType(), event.aggregateId(), event.aggregateVersion());
        return new Step(handler != null ? Consumption.APPLIED : Consumption.SKIPPED,
                ConsumerLedger.isHeld(consumer, event.aggregateType(), event.aggregateId(), event.aggregateVersion() + 1));
    }

    /**
     * Applies, each in its own transaction, the held events of the aggregate that now come next (from its position,
     * whatever moved it); stops at the next gap. A held event that fails stays held: the sweep tries it again.
     */
    private void applyHeldSuccessors(EventHandlers handlers, String aggregateType, String aggregateId) {
        String consumer = handlers.consumer();
        while (true) {
            EventEnvelope[] taken = new EventEnvelope[1];
            Consumption result;
            try {
                result = withRetries(consumer, null, () -> {
                    long next = ConsumerLedger.lockPosition(consumer, aggregateType, aggregateId) + 1;
                    ConsumerLedger.Held held = ConsumerLedger.takeHeld(consumer, aggregateType, aggregateId, next);
                    if (held == null) {
                        return null;
                    }
                    EventEnvelope event = read(held.envelope(), tree(held.envelope()), false);
                    taken[0] = event;
                    EventHandlers.Handler<?> handler = handlers.handler(event.eventType());
                    boolean readable = handler != null && handler.kind().schemaVersion() == event.schemaVersion();
                    if (readable) {
                        handler.apply(event, payloadOf(event, handler.kind().payloadType()));
                    }
                    ConsumerLedger.advance(consumer, aggregateType, aggregateId, next);
                    return readable ? Consumption.APPLIED : Consumption.SKIPPED;
                });
            } catch (RuntimeException e) {
                Log.errorf("%s: the next held event of %s %s could not be applied and stays held: %s", consumer,
                        aggregateType, aggregateId, e.getMessage());
                return;
            }
            if (result == null) {
                return;
            }
            count(handlers, taken[0].eventType(), result);
        }
    }

    /**
     * Applies held events whose turn has come but that nothing drained: the service stopped between an event and the
     * held ones after it, or a held event failed and was left for later.
     */
    @Scheduled(every = "${event-consumer.held-sweep-interval:30s}", delayed = "10s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepHeld() {
        try {
            for (ConsumerLedger.Due due : QuarkusTransaction.requiringNew().call(ConsumerLedger::heldAndDue)) {
                EventHandlers handlers = consumers.get(due.consumer());
                if (handlers != null) {
                    applyHeldSuccessors(handlers, due.aggregateType(), due.aggregateId());
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("Held events not swept (%s); next sweep later", e.getMessage());
        }
    }

    private <R> R withRetries(String consumer, EventEnvelope event, Supplier<R> work) {
        int failures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean transientFailure = TransientFailures.isTransient(e);
                if (!transientFailure && ++failures >= config.maxAttempts()) {
                    throw new GaveUpException("%s failed %d times: %s".formatted(describe(event), failures, e.getMessage()), e);
                }
                Log.warnf("%s: attempt %d on %s failed (%s), retrying%s", consumer, attempt, describe(event),
                        e.getMessage(), transientFailure ? " until it passes (transient)" : "");
                pause(attempt);
            }
        }
    }

    private Consumption count(EventHandlers handlers, String type, Consumption result) {
        count(handlers, type, result.metricTag());
        return result;
    }

    private void count(EventHandlers handlers, String type, String result) {
        registry.counter("events.consumed", "consumer", handlers.consumer(), "type", type, "result", result).increment();
    }

    /** An effect failed {@code event-consumer.max-attempts} times for a reason of its own. */
    static final class GaveUpException extends IllegalStateException {
        GaveUpException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The envelope as a tree, to see its type and version before checking it against their schema. */
    private JsonNode peek(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonEventException("empty message at offset " + record.offset());
        }
        JsonNode envelope = tree(record.value());
        if (!envelope.path("eventType").isTextual()) {
            throw new PoisonEventException("event breaks its schema: no eventType");
        }
        return envelope;
    }

    private JsonNode tree(String json) {
        try {
            JsonNode envelope = mapper.readTree(json);
            if (envelope == null || !envelope.isObject()) {
                throw new PoisonEventException("event breaks its schema: not a JSON object");
            }
            return envelope;
        } catch (PoisonEventException e) {
            throw e;
        } catch (Exception e) {
            throw new PoisonEventException("event breaks its schema: not a JSON object: " + e.getMessage());
        }
    }

    /**
     * Checks the record against its schemas, ignoring properties they do not declare (a producer may add optional
     * ones), then binds the tree {@link #peek} already parsed.
     */
    private EventEnvelope read(String json, JsonNode tree, boolean withPayload) {
        List<String> violations = withPayload ? EventSchemas.violationsIgnoringUnknownProperties(json)
                : EventSchemas.envelopeViolationsIgnoringUnknownProperties(json);
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

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String typeOf(ConsumerRecord<String, String> record) {
        String type = header(record, EventEnvelope.EVENT_TYPE_HEADER);
        return type == null ? "unknown" : type;
    }

    private static String describe(EventEnvelope event) {
        return event == null ? "a held event" : event.eventType() + " " + event.eventId();
    }

    /**
     * Waits before the next attempt. An interrupt (the service is stopping) does not end the retries: giving up would
     * send a healthy event to the dead-letter topic, whereas a process that exits without acknowledging the record
     * gets it again at its next start.
     */
    private void pause(int attempt) {
        long millis = Math.min(MAX_BACKOFF.toMillis(), config.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        long until = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; left > 0; left = (until - System.nanoTime()) / 1_000_000) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Log.debug("Interrupted while waiting to retry an event; retrying anyway");
            }
        }
    }
}
