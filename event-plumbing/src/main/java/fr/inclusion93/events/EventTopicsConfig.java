package fr.inclusion93.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The topics a service creates at startup when they are missing (the broker does not create topics on first use):
 * those it lists here, and every {@code topic} and {@code dead-letter-queue.topic} of its incoming channels.
 */
@ConfigMapping(prefix = "event-topics")
public interface EventTopicsConfig {

    /** Topics this service writes to (its outbox topics), besides those of its incoming channels. */
    Optional<List<String>> names();

    /** Partitions of a created topic. */
    @WithDefault("3")
    int partitions();

    /** Replicas of a created topic: 1 on a single broker, 3 on a production cluster. */
    @WithDefault("1")
    short replicationFactor();

    /** min.insync.replicas of a created topic (with acks=all, a write needs this many replicas); broker default when unset. */
    Optional<Integer> minInsyncReplicas();

    /**
     * How long a topic keeps its records ({@code retention.ms}). A consumer remembers the events it applied for as
     * long plus {@code event-consumer.processed-retention-margin}: a redelivery can only come from a record still there.
     */
    @WithDefault("7d")
    Duration retention();
}
