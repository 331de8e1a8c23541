package fr.inclusion93.gateway.overview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the composite reports wait for each service (the calls run in parallel: the answer waits as long). */
@ConfigMapping(prefix = "gateway.overview")
public interface OverviewConfig {

    /** A service that has not answered by then is left out of the answer, which says so. */
    @WithDefault("3s")
    Duration callTimeout();
}
