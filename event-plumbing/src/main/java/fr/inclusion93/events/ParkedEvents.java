package fr.inclusion93.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an operator can do with an outbox event the relay gave up on: see it, try it again (after fixing the cause:
 * creating the topic, raising the broker's size limit…), or discard it. A discarded event is replaced by an
 * {@code EventDiscarded} event of the same aggregate version, so consumers move past that version instead of waiting
 * for it, and the original is kept in the row.
 */
@ApplicationScoped
public class ParkedEvents {

    static final String DISCARDED_TYPE = "EventDiscarded";

    private final ObjectMapper mapper;
    private final OutboxRelay relay;
    private final EventTopics topics;
    private final EventActor actor;

    ParkedEvents(ObjectMapper mapper, OutboxRelay relay, EventTopics topics, EventActor actor) {
        this.mapper = mapper;
        this.relay = relay;
        this.topics = topics;
        this.actor = actor;
    }

    /** One parked event as an operator sees it. */
    public record Parked(long id, UUID eventId, String topic, String eventType, int schemaVersion, String aggregateType,
            String aggregateId, Long aggregateVersion, Instant occurredAt, int attempts, String lastError, Instant parkedAt) {
    }

    @Transactional
    public List<Parked> list() {
        return OutboxEvent.parked().stream().map(ParkedEvents::toParked).toList();
    }

    /** Puts the event back in line; its aggregate's later events follow it. */
    @Transactional
    public Parked retry(long id) {
        OutboxEvent event = parked(id);
        event.parkedAt = null;
        event.attempts = 0;
        event.nextAttemptAt = null;
        Log.infof("Outbox event #%d (%s %s) put back in line by an operator", id, event.eventType, event.eventId);
        relay.wakeAfterCommit();
        return toParked(event);
    }

    /**
     * Replaces the event by an {@code EventDiscarded} of the same aggregate version, sent in its place; when its topic
     * does not exist (no consumer can be waiting on it), the row is only marked done.
     */
    @Transactional
    public Parked discard(long id, String reason) {
        OutboxEvent event = parked(id);
        Parked before = toParked(event);
        if (!topicExists(event.topic)) {
            event.parkedAt = null;
            event.sentAt = Instant.now();
            event.lastError = "discarded by an operator, not sent (topic " + event.topic + " does not exist): " + reason;
            Log.warnf("Outbox event #%d (%s %s) discarded by an operator without sending: %s", id, before.eventType(),
                    before.eventId(), reason);
            return before;
        }
        Map<String, String> payload = Map.of("discardedEventId", event.eventId.toString(),
                "discardedEventType", event.eventType, "reason", reason);
        EventEnvelope stand = new EventEnvelope(UUID.randomUUID(), DISCARDED_TYPE, 1, event.aggregateType, event.aggregateId,
                event.aggregateVersion, Instant.now(), actor.current().orElse(null), mapper.valueToTree(payload));
        String json = toJson(stand);
        List<String> violations = EventSchemas.violations(json);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("reason", String.join("; ", violations));
        }
        event.discardedEnvelope = event.envelope;
        event.envelope = json;
        event.eventId = stand.eventId();
        event.eventType = DISCARDED_TYPE;
        event.schemaVersion = 1;
        event.parkedAt = null;
        event.attempts = 0;
        event.nextAttemptAt = null;
        event.lastError = "discarded by an operator: " + reason + " (was: " + event.lastError + ")";
        Log.warnf("Outbox event #%d (%s %s) discarded by an operator: %s", id, before.eventType(), before.eventId(), reason);
        relay.wakeAfterCommit();
        return before;
    }

    private boolean topicExists(String topic) {
        try {
            return topics.exists(topic);
        } catch (EventTopics.BrokerUnavailableException e) {
            throw new ProblemException(503, ProblemType.of("broker-unavailable"), "Broker unavailable",
                    "the broker does not answer; discard the event once it does", List.of());
        }
    }

    private static OutboxEvent parked(long id) {
        OutboxEvent event = OutboxEvent.findParked(id);
        if (event == null) {
            throw ProblemException.notFound("Parked outbox event", id);
        }
        return event;
    }

    private String toJson(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Parked toParked(OutboxEvent e) {
        return new Parked(e.id, e.eventId, e.topic, e.eventType, e.schemaVersion, e.aggregateType, e.aggregateId,
                e.aggregateVersion, e.occurredAt, e.attempts, e.lastError, e.parkedAt);
    }
}
