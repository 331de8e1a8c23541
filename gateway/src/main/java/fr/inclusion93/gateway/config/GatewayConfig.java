package fr.inclusion93.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the gateway sends each route and how long it waits for the services. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL (scheme, host, port; no path) of the service behind each route. */
    Routes routes();

    /** How long to wait for a TCP connection to a service before answering 502. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent while a request is in flight before the gateway answers 504. */
    @WithDefault("30s")
    Duration idleTimeout();

    /** Most connections kept open to each service; further requests wait for a free one. */
    @WithDefault("50")
    int maxConnections();

    interface Routes {

        /** structure-service, serving /api/structures. */
        @WithDefault("http://127.0.0.1:8081")
        URI structures();

        /** conseiller-service, serving /api/conseillers. */
        @WithDefault("http://127.0.0.1:8082")
        URI conseillers();

        /** funding-service, serving /api/funding. */
        @WithDefault("http://127.0.0.1:8083")
        URI funding();
    }
}
