package fr.inclusion93.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of every event on the wire; see {@code event-schemas/envelope.v1.schema.json}.
 *
 * @param aggregateVersion 1 for an aggregate's first event, then one more for each; null only in events written
 *                         before versions existed
 * @param actor            OAuth2 client id of the request that made the change; null when no authenticated request
 *                         did, and in events written before actors were recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        Long aggregateVersion,
        Instant occurredAt,
        String actor,
        JsonNode payload) {

    /** Kafka header names; the same values are in the body so a consumer can use either. */
    public static final String EVENT_ID_HEADER = "event-id";
    public static final String EVENT_TYPE_HEADER = "event-type";
    public static final String SCHEMA_VERSION_HEADER = "schema-version";
    /** W3C trace context of the change that wrote the event. */
    public static final String TRACEPARENT_HEADER = "traceparent";
}
