package fr.inclusion93.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The only way an event leaves a service: {@link #publish} writes it in the caller's transaction,
 * and {@link OutboxRelay} sends it to Kafka once that transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;
    private final EventActor actor;

    Outbox(ObjectMapper mapper, Event<OutboxWritten> written, EventActor actor) {
        this.mapper = mapper;
        this.written = written;
        this.actor = actor;
    }

    /**
     * Records an event for the aggregate; the payload must match {@code <eventType>.v<schemaVersion>.schema.json}.
     * The event gets the aggregate's next version (the version row stays locked until the caller commits, so concurrent
     * changes of one aggregate are numbered in commit order), the trace context of the current request and, as its
     * {@code actor}, the client id of the authenticated request that made the change ({@link EventActor}).
     *
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateType, String aggregateId, String eventType, int schemaVersion,
            Object payload) {
        return publishSideBySide(topic, aggregateType, aggregateId, eventType, Map.of(schemaVersion, payload)).get(0);
    }

    /**
     * Records one change as several schema versions of its event, during a breaking change: each consumer reads the
     * version it knows and skips the others. The copies share the aggregate version, so they count as one change.
     *
     * @param payloadBySchemaVersion one payload per schema version, each matching its schema
     * @return the event ids, in schema-version order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishSideBySide(String topic, String aggregateType, String aggregateId, String eventType,
            Map<Integer, ?> payloadBySchemaVersion) {
        long version = OutboxEvent.nextAggregateVersion(aggregateType, aggregateId);
        String traceparent = TraceContext.currentTraceparent();
        String actorId = actor.current().orElse(null);
        List<UUID> ids = new ArrayList<>();
        for (Map.Entry<Integer, ?> copy : new TreeMap<>(payloadBySchemaVersion).entrySet()) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), eventType, copy.getKey(), aggregateType,
                    aggregateId, version, Instant.now(), actorId, mapper.valueToTree(copy.getValue()));
            write(topic, envelope, traceparent);
            ids.add(envelope.eventId());
        }
        written.fire(new OutboxWritten(topic));
        return ids;
    }

    private void write(String topic, EventEnvelope envelope, String traceparent) {
        String json = toJson(envelope);
        List<String> violations = EventSchemas.violations(json);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(envelope.eventType() + " v" + envelope.schemaVersion() + " breaks its schema: "
                    + violations);
        }
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.aggregateType = envelope.aggregateType();
        row.aggregateId = envelope.aggregateId();
        row.aggregateVersion = envelope.aggregateVersion();
        row.eventType = envelope.eventType();
        row.schemaVersion = envelope.schemaVersion();
        row.envelope = json;
        row.occurredAt = envelope.occurredAt();
        row.traceparent = traceparent;
        row.persist();
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + envelope.eventType() + " cannot be written as JSON", e);
        }
    }
}
