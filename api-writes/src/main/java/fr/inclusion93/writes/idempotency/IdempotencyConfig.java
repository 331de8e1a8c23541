package fr.inclusion93.writes.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key is remembered after the request that used it succeeded. Used again later, it is a new key (the
     * request runs again); the OpenAPI description of the header says 24 hours.
     */
    @WithDefault("24h")
    Duration keyTtl();

    /** How often expired keys are deleted. A key is unknown from its expiry on, whether or not it was deleted yet. */
    @WithDefault("1h")
    Duration cleanupInterval();
}
