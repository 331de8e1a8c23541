package fr.inclusion93.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * What is waiting in this service's plumbing, read every few seconds for the metrics and the health checks: unsent
 * and parked outbox events, the age of the oldest unsent one, and events consumers hold for a missing version.
 */
@ApplicationScoped
public class EventBacklog {

    /** One reading; ages are null when nothing waits. */
    public record Snapshot(long unsent, long parked, Duration oldestUnsentAge, long held, Duration oldestHeldAge) {
        static final Snapshot NONE = new Snapshot(0, 0, null, 0, null);
    }

    private volatile Snapshot last = Snapshot.NONE;

    EventBacklog(MeterRegistry registry) {
        Gauge.builder("outbox.unsent.events", this, b -> b.last.unsent())
                .description("Outbox events not yet acknowledged by the broker, parked ones included").register(registry);
        Gauge.builder("outbox.parked.events", this, b -> b.last.parked())
                .description("Outbox events the relay gave up on; they wait for an operator").register(registry);
        Gauge.builder("outbox.oldest.unsent.age", this, b -> seconds(b.last.oldestUnsentAge())).baseUnit("seconds")
                .description("Age of the oldest unsent outbox event (0 when none)").register(registry);
        Gauge.builder("events.held", this, b -> b.last.held())
                .description("Received events waiting for an earlier version of their aggregate").register(registry);
    }

    public Snapshot snapshot() {
        return last;
    }

    @Scheduled(every = "5s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            Log.debugf("Event backlog not read (%s); the gauges keep their last values", e.getMessage());
        }
    }

    /** Reads the backlog now. */
    public Snapshot refresh() {
        last = QuarkusTransaction.requiringNew().call(EventBacklog::read);
        return last;
    }

    private static Snapshot read() {
        Object[] outbox = (Object[]) OutboxEvent.getEntityManager().createNativeQuery("""
                select count(*), count(*) filter (where parked_at is not null), min(occurred_at)
                from outbox_event where sent_at is null""").getSingleResult();
        ConsumerLedger.HeldSummary held = ConsumerLedger.heldSummary();
        Instant now = Instant.now();
        return new Snapshot(((Number) outbox[0]).longValue(), ((Number) outbox[1]).longValue(),
                age(ConsumerLedger.toInstant(outbox[2]), now), held.count(), age(held.oldest(), now));
    }

    private static Duration age(Instant since, Instant now) {
        return since == null ? null : Duration.between(since, now);
    }

    private static double seconds(Duration age) {
        return age == null ? 0 : age.toMillis() / 1000.0;
    }
}
