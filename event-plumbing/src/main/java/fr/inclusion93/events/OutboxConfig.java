package fr.inclusion93.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** How often the relay looks for rows a commit did not wake it for (broker outage, rows of another instance). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events read and published in one relay round. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before it gives up and retries later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How long a sent event stays in the outbox (for inspection) before it is deleted. */
    @WithDefault("7d")
    Duration retention();

    /**
     * Failed sends of one row, for a reason of its own (too large, topic missing or refused), before it is parked.
     * Failures while the broker is unreachable do not count.
     */
    @WithDefault("5")
    int maxAttempts();

    /** Pause before a failed row is tried again; doubled after each failure. */
    @WithDefault("1s")
    Duration retryDelay();

    /**
     * How long the relay's lease lasts without renewal. Only the holder publishes; if it dies, another instance takes
     * over when the lease runs out. Longer than a round can take (twice send-timeout plus a few seconds).
     */
    @WithDefault("30s")
    Duration lease();

    /**
     * This instance's name as a lease holder. The same name after a restart takes the lease back at once; by default
     * the host name and HTTP port.
     */
    Optional<String> instanceId();

    /** Unsent events older than this turn the outbox health check DOWN (parked events always do). */
    @WithDefault("5m")
    Duration unsentAgeAlert();
}
