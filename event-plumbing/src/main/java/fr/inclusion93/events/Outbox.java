package fr.inclusion93.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The only way an event leaves a service: {@link #publish} writes it in the caller's transaction,
 * and {@link OutboxRelay} sends it to Kafka once that transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;

    Outbox(ObjectMapper mapper, Event<OutboxWritten> written) {
        this.mapper = mapper;
        this.written = written;
    }

    /**
     * Records an event for the aggregate; the payload must match {@code <eventType>.v<schemaVersion>.schema.json}.
     * The event gets the aggregate's next version (the version row stays locked until the caller commits, so concurrent
     * changes of one aggregate are numbered in commit order) and the trace context of the current request.
     *
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateType, String aggregateId, String eventType, int schemaVersion,
            Object payload) {
        long version = OutboxEvent.nextAggregateVersion(aggregateType, aggregateId);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), eventType, schemaVersion, aggregateType, aggregateId,
                version, Instant.now(), mapper.valueToTree(payload));
        String json = toJson(envelope);
        List<String> violations = EventSchemas.violations(json);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(eventType + " v" + schemaVersion + " breaks its schema: " + violations);
        }
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.aggregateType = aggregateType;
        row.aggregateId = aggregateId;
        row.eventType = eventType;
        row.schemaVersion = schemaVersion;
        row.aggregateVersion = version;
        row.envelope = json;
        row.traceparent = TraceContext.currentTraceparent();
        row.occurredAt = envelope.occurredAt();
        row.persist();
        written.fire(new OutboxWritten(topic));
        return envelope.eventId();
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + envelope.eventType() + " cannot be written as JSON", e);
        }
    }
}
