package fr.inclusion93.events;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Keeps the plumbing's tables from only growing. Sent outbox rows go after {@code outbox.retention}: the topic, not
 * the outbox, is the event history. Applied event ids go once no record that old can be delivered again: the topics'
 * retention plus a margin.
 */
@ApplicationScoped
public class EventRetention {

    private final OutboxConfig outbox;
    private final EventTopicsConfig topics;
    private final EventConsumerConfig consumers;

    EventRetention(OutboxConfig outbox, EventTopicsConfig topics, EventConsumerConfig consumers) {
        this.outbox = outbox;
        this.topics = topics;
        this.consumers = consumers;
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        purgeOutbox();
        purgeProcessedEvents();
    }

    @Transactional
    public long purgeOutbox() {
        long deleted = OutboxEvent.delete("sentAt < ?1", Instant.now().minus(outbox.retention()));
        if (deleted > 0) {
            Log.infof("Outbox: deleted %d events sent more than %s ago", deleted, outbox.retention());
        }
        return deleted;
    }

    @Transactional
    public long purgeProcessedEvents() {
        Instant before = Instant.now().minus(topics.retention()).minus(consumers.processedRetentionMargin());
        long deleted = ConsumerLedger.forgetProcessedBefore(before);
        if (deleted > 0) {
            Log.infof("Consumers: forgot %d events applied before %s (topic retention %s + %s)", deleted, before,
                    topics.retention(), consumers.processedRetentionMargin());
        }
        return deleted;
    }
}
