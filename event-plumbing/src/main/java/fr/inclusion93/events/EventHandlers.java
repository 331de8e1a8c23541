package fr.inclusion93.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One consumer of a service (its name is recorded with what it applied) and the event types it reads. Built once,
 * when the consumer bean is created; {@link #accept} is called for every record of its channel.
 * <pre>{@code
 * handlers = consumer.handlers("host-structure-projection").on(StructureRegisteredV1.KIND, projection::registered);
 * }</pre>
 */
public final class EventHandlers {

    /** One event type this consumer reads, at one schema version, and what it does with it. */
    record Handler<T>(EventKind<T> kind, BiConsumer<EventEnvelope, T> effect) {
        void apply(EventEnvelope event, Object payload) {
            effect.accept(event, kind.payloadType().cast(payload));
        }
    }

    private final String consumer;
    private final IdempotentConsumer engine;
    private final Map<String, Handler<?>> byType = new ConcurrentHashMap<>();

    EventHandlers(String consumer, IdempotentConsumer engine) {
        this.consumer = consumer;
        this.engine = engine;
    }

    /** Reads this event type at this schema version; one version per type (a copy in another version is skipped). */
    public <T> EventHandlers on(EventKind<T> kind, BiConsumer<EventEnvelope, T> effect) {
        if (byType.putIfAbsent(kind.eventType(), new Handler<>(kind, effect)) != null) {
            throw new IllegalStateException(consumer + " already reads " + kind.eventType());
        }
        return this;
    }

    /**
     * Applies the record at most once, in its aggregate's version order; see {@link IdempotentConsumer}.
     *
     * @throws PoisonEventException when the record can never be applied (it goes to the dead-letter topic)
     */
    public Consumption accept(ConsumerRecord<String, String> record) {
        return engine.accept(this, record);
    }

    public String consumer() {
        return consumer;
    }

    Handler<?> handler(String eventType) {
        return byType.get(eventType);
    }
}
