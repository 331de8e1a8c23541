package fr.inclusion93.events;

/** One version of one event type, and the record its payload is read into by a consumer. */
public record EventKind<T>(String eventType, int schemaVersion, Class<T> payloadType) {
}
