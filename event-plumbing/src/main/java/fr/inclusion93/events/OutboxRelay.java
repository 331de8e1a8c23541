package fr.inclusion93.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Moves committed outbox rows to Kafka, oldest first. It is woken by every commit that wrote an event
 * (so an event leaves within milliseconds) and by a poll, which picks up what a broker outage left behind.
 * One relay at a time per database (a transaction-scoped advisory lock), so the order per aggregate holds
 * across instances. A row is marked sent only after the broker acknowledged it; a failure stops the batch
 * there and the rest waits for the next round.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x0b7b0c5L;

    private final OutboxProducer producer;
    private final OutboxConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;

    OutboxRelay(OutboxProducer producer, OutboxConfig config, MeterRegistry registry) {
        this.producer = producer;
        this.config = config;
        this.published = registry.counter("outbox.events.published");
        this.failures = registry.counter("outbox.publish.failures");
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    @Scheduled(every = "${outbox.poll-interval:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    /** Asks for a drain; wakes that arrive while one is queued are merged into it. */
    public void wake() {
        if (drainQueued.compareAndSet(false, true) && !worker.isShutdown()) {
            worker.execute(this::drain);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(config.sendTimeout().toSeconds() + 1, TimeUnit.SECONDS);
    }

    private void drain() {
        drainQueued.set(false);
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            failures.increment();
            Log.warnf("Outbox relay round failed, will retry: %s", e.getMessage());
        }
    }

    private int publishBatch() {
        if (!holdsRelayLock()) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.nextUnsent(config.batchSize());
        List<Future<RecordMetadata>> acks = batch.stream().map(producer::send).toList();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        Instant now = Instant.now();
        int sent = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                failures.increment();
                Log.warnf("Event %s not acknowledged (%s); %d left for the next round",
                        batch.get(i).eventId, e, batch.size() - i);
                break;
            }
            batch.get(i).sentAt = now;
            sent++;
        }
        published.increment(sent);
        return sent;
    }

    private boolean holdsRelayLock() {
        Object locked = OutboxEvent.getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
