package fr.inclusion93.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "event-consumer")
public interface EventConsumerConfig {

    /** Attempts to apply one event before it is sent to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the second attempt; doubled before each following one. */
    @WithDefault("200ms")
    Duration initialBackoff();
}
