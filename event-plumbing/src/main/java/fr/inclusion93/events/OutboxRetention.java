package fr.inclusion93.events;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Deletes outbox rows the broker acknowledged long ago; the topic, not the outbox, is the event history. */
@ApplicationScoped
class OutboxRetention {

    private final OutboxConfig config;

    OutboxRetention(OutboxConfig config) {
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        long deleted = OutboxEvent.delete("sentAt < ?1", Instant.now().minus(config.retention()));
        if (deleted > 0) {
            Log.infof("Outbox: deleted %d events sent more than %s ago", deleted, config.retention());
        }
    }
}
