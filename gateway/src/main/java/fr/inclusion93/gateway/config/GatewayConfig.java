package fr.inclusion93.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the gateway sends each route, how long it waits for the services, and how much each client may ask. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URLs (scheme, host, port; no path) of the instances of the service behind each route. */
    Routes routes();

    /**
     * How long an instance that failed a request without answering (refused, reset, silent past its time-out) gets no
     * requests; then it is tried again.
     */
    @WithDefault("10s")
    Duration outOfRotation();

    /** How long to wait for a TCP connection to a service before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent while a request is in flight before the gateway answers 504. */
    @WithDefault("30s")
    Duration idleTimeout();

    /**
     * Longer silences allowed on some paths (exact request paths, quoted as keys): an import answers only once its
     * whole file is written.
     */
    Map<String, Duration> pathIdleTimeouts();

    /**
     * The most a request may wait for its answer to start, all its attempts together (a retry gets what is left): past
     * it the gateway answers 504. A path with a longer idle timeout gets that much. The answer's body is not bounded:
     * an export streams as long as its rows keep coming.
     */
    @WithDefault("45s")
    Duration deadline();

    /**
     * How many times a request is sent again, to the next instance in rotation, when it got no answer: any request
     * whose connection could not be opened (nothing was sent), and a safe one without a body (GET, HEAD, OPTIONS) whose
     * connection was closed or reset before the answer; never after a time-out.
     */
    @WithDefault("1")
    int retries();

    /**
     * Most connections kept open to each service instance, shared out between the event loops (each keeps its own,
     * rounded up); further requests wait for a free one.
     */
    @WithDefault("50")
    int maxConnections();

    /** How many requests each client may send through the routes. */
    RateLimit rateLimit();

    /** When the gateway stops sending requests to a failing service for a while (one breaker per service). */
    CircuitBreaker circuitBreaker();

    /**
     * Over the last {@code requests} requests to a service, a share of {@code failureRatio} or more that could not
     * reach it or timed out opens its circuit: for {@code delay} its requests are answered 503 at once, without being
     * sent; then a few go through, and the circuit closes again when they succeed. A status the service answers
     * (a 500 included) is not a failure here: it reached the service.
     */
    interface CircuitBreaker {

        @WithDefault("20")
        int requests();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("5s")
        Duration delay();
    }

    /** Each service's instances, comma-separated; requests are shared among them in turn. */
    interface Routes {

        /** structure-service, serving /api/structures. */
        @WithDefault("http://127.0.0.1:8081")
        List<URI> structures();

        /** conseiller-service, serving /api/conseillers. */
        @WithDefault("http://127.0.0.1:8082")
        List<URI> conseillers();

        /** funding-service, serving /api/funding. */
        @WithDefault("http://127.0.0.1:8083")
        List<URI> funding();
    }

    /**
     * A quota per client on the routes: the authenticated client, else the client's address. A client's window starts
     * with its first request and its whole quota comes back when the window ends; it may spend it all at once.
     */
    interface RateLimit {

        /** Requests a client may send per window. */
        @WithDefault("600")
        int requests();

        /** The length of a client's window, in whole seconds. */
        @WithDefault("60s")
        Duration window();

        /** Most clients remembered at once (memory stays bounded); past it the least recently seen start afresh. */
        @WithDefault("50000")
        int maxClients();

        /** Other quotas for some clients, by authenticated client id or by address (quote a key that has dots). */
        Map<String, ClientQuota> clients();

        interface ClientQuota {

            /** Requests this client may send per window. */
            int requests();

            /** Its window; the default window when unset. */
            Optional<Duration> window();
        }
    }
}
