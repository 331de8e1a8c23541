package fr.inclusion93.events;

/** Fired when an event is written to the outbox; observed after commit to wake the relay. */
record OutboxWritten(String topic) {
}
