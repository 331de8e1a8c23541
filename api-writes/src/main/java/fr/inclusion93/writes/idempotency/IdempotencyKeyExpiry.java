package fr.inclusion93.writes.idempotency;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Deletes expired keys ({@code idempotency.key-ttl}) every {@code idempotency.cleanup-interval}. */
@ApplicationScoped
public class IdempotencyKeyExpiry {

    private final IdempotencyStore store;

    IdempotencyKeyExpiry(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(every = "${idempotency.cleanup-interval}", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        deleteExpired();
    }

    /** @return how many keys were deleted */
    @Transactional
    public long deleteExpired() {
        long deleted = store.deleteExpired(Instant.now());
        if (deleted > 0) {
            Log.infof("Idempotency: deleted %d expired keys", deleted);
        }
        return deleted;
    }
}
