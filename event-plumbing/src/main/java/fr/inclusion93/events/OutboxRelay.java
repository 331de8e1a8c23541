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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Moves committed outbox rows to Kafka, oldest first. It is woken by every commit that wrote an event
 * (so an event leaves within milliseconds) and by a poll, which picks up what a broker outage left behind.
 * One relay at a time per database (a transaction-scoped advisory lock), so the order per aggregate holds
 * across instances. A row is marked sent only after the broker acknowledged it. At the first failure the
 * batch stops sending and marking: the rest waits for the next round, so an aggregate's later event never
 * overtakes an earlier one (same key, same partition, idempotent producer).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RELAY_LOCK = 0x0b7b0c5L;
    private static final Duration LOCK_RETRY = Duration.ofMillis(50);

    private final OutboxProducer producer;
    private final OutboxConfig config;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile boolean stopping;
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
        worker.awaitTermination(config.sendTimeout().toSeconds() * 2 + 1, TimeUnit.SECONDS);
    }

    private void drain() {
        drainQueued.set(false);
        try {
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew()
                        .timeout(Math.toIntExact(config.sendTimeout().toSeconds() * 3 + 5))
                        .call(this::publishBatch);
            } while (!stopping && batch == Batch.FULL);
            if (batch == Batch.LOCKED_ELSEWHERE && !stopping) {
                // another instance is draining and may have read the table before our commit: look again soon
                worker.schedule(this::wake, LOCK_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            failures.increment();
            Log.warnf("Outbox relay round failed, will retry: %s", e.getMessage());
        }
    }

    private enum Batch { FULL, PARTIAL, LOCKED_ELSEWHERE }

    private Batch publishBatch() {
        if (!holdsRelayLock()) {
            return Batch.LOCKED_ELSEWHERE;
        }
        List<OutboxEvent> batch = OutboxEvent.nextUnsent(config.batchSize());
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            Future<RecordMetadata> ack = producer.send(event);
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                break; // no metadata (broker down): later rows would only wait out the same timeout
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        Instant now = Instant.now();
        int sent = 0;
        for (Future<RecordMetadata> ack : acks) {
            OutboxEvent event = batch.get(sent);
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failures.increment();
                Log.warnf("Event %s not acknowledged (%s); %d left for the next round", event.eventId, e,
                        batch.size() - sent);
                break;
            }
            event.sentAt = now;
            sent++;
        }
        published.increment(sent);
        return sent == config.batchSize() ? Batch.FULL : Batch.PARTIAL;
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private boolean holdsRelayLock() {
        Object locked = OutboxEvent.getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
