package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.config.GatewayConfig;
import fr.inclusion93.gateway.ratelimit.RateLimiter;
import fr.inclusion93.problem.ProblemWriter;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts one streaming reverse proxy per service on the Quarkus router, behind the client's rate limit. Paths and query
 * strings go through unchanged; bodies are piped, never buffered.
 */
@ApplicationScoped
public class ProxyRoutes {

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final ProblemWriter problems;
    private final RateLimiter rateLimiter;
    private HttpClient client;

    ProxyRoutes(Upstreams upstreams, GatewayConfig config, ProblemWriter problems, RateLimiter rateLimiter) {
        this.upstreams = upstreams;
        this.config = config;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
    }

    void register(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setName("gateway")
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setMaxPoolSize(config.maxConnections()));
        for (Upstream upstream : upstreams.all()) {
            // no service speaks WebSocket: an Upgrade request is proxied as a plain one (Upgrade is hop-by-hop)
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(context -> context.client().request(requestTo(UpstreamFailures.attempt(context))))
                    .addInterceptor(new UpstreamFailures(upstream, problems, config))
                    .addInterceptor(new ConnectionHeaders())
                    .addInterceptor(new ForwardedHeaders())
                    .addInterceptor(new ServiceHeadersWin());
            // "/prefix/*" matches "/prefix" itself too, but not "/prefixes"
            String route = upstream.prefix() + "/*";
            router.route(route)
                    .handler(context -> {
                        tagMetricsWith(context, route);
                        context.next();
                    })
                    .handler(rateLimiter)
                    .handler(ProxyHandler.create(proxy));
            Log.infof("Routing %s to %s at %s", upstream.prefix(), upstream.service(),
                    upstream.instances().all().stream().map(instance -> instance.baseUrl().toString()).toList());
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    /**
     * Quarkus' Micrometer binder takes the {@code uri} tag from the "UrlPathTemplate" request local, as Quarkus REST
     * sets it; without it every proxied id would be a time series of its own.
     */
    private static void tagMetricsWith(RoutingContext context, String route) {
        ((HttpServerRequestInternal) context.request()).context().putLocal("UrlPathTemplate", route);
    }

    private static RequestOptions requestTo(UpstreamFailures.Attempt attempt) {
        Instance instance = attempt.instance();
        return new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(instance.port(), instance.host()))
                .setSsl(instance.ssl())
                .setIdleTimeout(attempt.timeoutMillis());
    }
}
