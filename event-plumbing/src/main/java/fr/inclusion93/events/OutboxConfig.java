package fr.inclusion93.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Most events read and published in one relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge a batch before it gives up and retries later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How long a sent event stays in the outbox (for inspection) before it is deleted. */
    @WithDefault("7d")
    Duration retention();
}
