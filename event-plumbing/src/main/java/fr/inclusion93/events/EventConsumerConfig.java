package fr.inclusion93.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "event-consumer")
public interface EventConsumerConfig {

    /** Attempts to apply one event, when it fails for a reason of its own, before it is sent to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the second attempt; doubled before each following one (at most 5 s). */
    @WithDefault("200ms")
    Duration initialBackoff();

    /**
     * How much longer than the topics' retention ({@code event-topics.retention}) an applied event id is remembered;
     * older ids are deleted hourly.
     */
    @WithDefault("1d")
    Duration processedRetentionMargin();

    /** Held events older than this turn the consumers' health check DOWN: a version has not arrived. */
    @WithDefault("5m")
    Duration heldAgeAlert();

    /** How often held events whose turn has come (after a restart, or a failed attempt) are looked for. */
    @WithDefault("30s")
    Duration heldSweepInterval();
}
