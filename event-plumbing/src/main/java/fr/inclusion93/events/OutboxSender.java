package fr.inclusion93.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Sends one batch of outbox rows, outside any database transaction, and says what became of each. Each aggregate
 * has at most one row in flight; its later rows wait for the next round, so a row that fails, even after the producer
 * took it, is never overtaken. A failure that means the broker is away ends the batch: the rest would only wait out
 * the same timeout.
 */
@ApplicationScoped
class OutboxSender {

    /** Failures that belong to the record, not to the broker or the network: they count towards parking the row. */
    private static final List<Class<? extends Throwable>> ROW_FAILURES = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, TopicAuthorizationException.class,
            SerializationException.class);

    private final OutboxProducer producer;
    private final EventTopics topics;
    private final OutboxConfig config;

    OutboxSender(OutboxProducer producer, EventTopics topics, OutboxConfig config) {
        this.producer = producer;
        this.topics = topics;
        this.config = config;
    }

    /**
     * @param sent       rows the broker acknowledged
     * @param rowErrors  rows that failed because of themselves, with the reason
     * @param brokerDown true when the batch ended early because the broker did not answer
     * @param deferred   rows left for the next round because a row of their aggregate was in flight
     */
    record Outcome(List<Long> sent, Map<Long, String> rowErrors, boolean brokerDown, int deferred) {
    }

    Outcome send(List<OutboxEvent> batch) {
        Map<Long, String> rowErrors = new LinkedHashMap<>();
        Set<String> inFlightAggregates = new HashSet<>();
        Map<OutboxEvent, Future<RecordMetadata>> inFlight = new LinkedHashMap<>();
        boolean brokerDown = false;
        Set<String> waiting = new HashSet<>();
        int deferred = 0;
        for (OutboxEvent event : batch) {
            String aggregate = event.aggregateType + "/" + event.aggregateId;
            if (waiting.contains(aggregate)) {
                continue; // behind a row whose topic is being created: the next poll takes them
            }
            if (!inFlightAggregates.add(aggregate)) {
                deferred++; // one row in flight per aggregate: a row that fails after the producer took it is never overtaken
                continue;
            }
            Attempt attempt = start(event);
            if (attempt.brokerDown()) {
                brokerDown = true;
                break;
            }
            if (attempt.rowError() != null) {
                rowErrors.put(event.id, attempt.rowError());
            } else if (attempt.ack() != null) {
                inFlight.put(event, attempt.ack());
            } else {
                waiting.add(aggregate);
            }
        }
        List<Long> sent = new ArrayList<>();
        brokerDown |= awaitAcks(inFlight, sent, rowErrors);
        if (brokerDown) {
            topics.forget();
        }
        return new Outcome(sent, rowErrors, brokerDown, deferred);
    }

    private record Attempt(Future<RecordMetadata> ack, String rowError, boolean brokerDown) {
        static final Attempt BROKER_DOWN = new Attempt(null, null, true);
        static final Attempt NOT_YET = new Attempt(null, null, false);
    }

    /** Hands the row to the producer, unless its topic is missing; failures known at once are sorted here. */
    private Attempt start(OutboxEvent event) {
        try {
            if (!topics.exists(event.topic)) {
                return topics.beingCreated(event.topic) ? Attempt.NOT_YET
                        : new Attempt(null, "topic " + event.topic + " does not exist", false);
            }
        } catch (EventTopics.BrokerUnavailableException e) {
            return Attempt.BROKER_DOWN;
        }
        Future<RecordMetadata> ack = producer.send(event);
        if (!ack.isDone()) {
            return new Attempt(ack, null, false);
        }
        try {
            ack.get();
            return new Attempt(ack, null, false);
        } catch (ExecutionException e) {
            String reason = rowFailure(e.getCause());
            return reason == null ? Attempt.BROKER_DOWN : new Attempt(null, reason, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.BROKER_DOWN;
        }
    }

    private boolean awaitAcks(Map<OutboxEvent, Future<RecordMetadata>> inFlight, List<Long> sent, Map<Long, String> rowErrors) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        boolean brokerDown = false;
        for (Map.Entry<OutboxEvent, Future<RecordMetadata>> entry : inFlight.entrySet()) {
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(entry.getKey().id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            } catch (ExecutionException e) {
                String reason = rowFailure(e.getCause());
                if (reason != null) {
                    rowErrors.put(entry.getKey().id, reason);
                } else {
                    brokerDown = true;
                }
            } catch (TimeoutException e) {
                brokerDown = true;
            }
        }
        return brokerDown;
    }

    static String rowFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> type : ROW_FAILURES) {
                if (type.isInstance(cause)) {
                    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
                }
            }
        }
        return null;
    }
}
