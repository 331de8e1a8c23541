package fr.inclusion93.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** The body of every event on the wire; see {@code event-schemas/envelope.v1.schema.json}. */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        Instant occurredAt,
        JsonNode payload) {

    /** Kafka header names; the same values are in the body so a consumer can use either. */
    public static final String EVENT_ID_HEADER = "event-id";
    public static final String EVENT_TYPE_HEADER = "event-type";
    public static final String SCHEMA_VERSION_HEADER = "schema-version";
}
