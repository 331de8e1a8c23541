package fr.inclusion93.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed outbox rows to Kafka, oldest first. It is woken by every commit that wrote an event (so an event
 * leaves within milliseconds) and by a poll, which picks up what a broker outage or another instance left behind.
 * Each round reads a batch in a short transaction, sends it with no transaction open, then marks what the broker
 * acknowledged in another short one. A crash between the acknowledgement and the mark only sends the rows again,
 * which consumers recognise and drop. Only the holder of the {@link RelayLease} publishes, so an aggregate's events
 * keep their order across instances. A row that fails for a reason of its own is tried again later and parked after
 * {@code outbox.max-attempts}; only its aggregate's later events wait for it.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxSender sender;
    private final RelayLease lease;
    private final OutboxConfig config;
    private final Event<OutboxWritten> writtenEvents;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile boolean stopping;
    private final Counter published;
    private final Counter failures;

    OutboxRelay(OutboxSender sender, RelayLease lease, OutboxConfig config, MeterRegistry registry,
            Event<OutboxWritten> writtenEvents) {
        this.writtenEvents = writtenEvents;
        this.sender = sender;
        this.lease = lease;
        this.config = config;
        this.published = registry.counter("outbox.events.published");
        this.failures = registry.counter("outbox.publish.failures");
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    /** Wakes the relay once the current transaction commits. */
    void wakeAfterCommit() {
        writtenEvents.fire(new OutboxWritten("operator"));
    }

    @Scheduled(every = "${outbox.poll-interval:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    /** Asks for a drain; wakes that arrive while one is queued are merged into it. */
    public void wake() {
        if (!stopping && drainQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drainQueued.set(false); // shutting down: the next start picks the rows up
            }
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(config.sendTimeout().toSeconds() * 2 + 5, TimeUnit.SECONDS)) {
            return; // a round still runs: the lease must expire by itself, or another relay could start beside it
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            Log.debugf("Relay lease not released (%s); it expires by itself", e.getMessage());
        }
    }

    private void drain() {
        drainQueued.set(false);
        try {
            Round round;
            do {
                round = round();
            } while (!stopping && round == Round.FULL);
        } catch (RuntimeException e) {
            failures.increment();
            Log.warnf("Outbox relay round failed, will retry: %s", e.getMessage());
        }
    }

    private enum Round { FULL, DONE, NOT_HOLDER }

    private Round round() {
        if (!lease.acquire()) {
            return Round.NOT_HOLDER;
        }
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.nextToSend(config.batchSize()));
        if (batch.isEmpty()) {
            return Round.DONE;
        }
        OutboxSender.Outcome outcome = sender.send(batch);
        QuarkusTransaction.requiringNew().run(() -> record(outcome));
        published.increment(outcome.sent().size());
        if (outcome.brokerDown()) {
            failures.increment();
            Log.warnf("Broker did not acknowledge; %d of %d events sent, the rest waits for the next round",
                    outcome.sent().size(), batch.size());
            return Round.DONE;
        }
        return batch.size() == config.batchSize() || outcome.deferred() > 0 ? Round.FULL : Round.DONE;
    }

    private void record(OutboxSender.Outcome outcome) {
        OutboxEvent.markSent(outcome.sent(), Instant.now());
        for (Map.Entry<Long, String> failed : outcome.rowErrors().entrySet()) {
            OutboxEvent.recordFailure(failed.getKey(), failed.getValue(), config.maxAttempts(), config.retryDelay());
            failures.increment();
            Log.warnf("Outbox event #%d not sent: %s (its aggregate's later events wait; parked after %d attempts)",
                    failed.getKey(), failed.getValue(), config.maxAttempts());
        }
    }
}
