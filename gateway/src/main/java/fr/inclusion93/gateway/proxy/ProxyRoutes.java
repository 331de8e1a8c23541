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
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Puts one streaming reverse proxy per service on the Quarkus router, behind the client's rate limit. Paths and query
 * strings go through unchanged; bodies are piped, never buffered. Each event loop has its own proxies and HTTP client
 * ({@link EventLoopLocal}), so a request never leaves the thread that received it.
 */
@ApplicationScoped
public class ProxyRoutes {

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final ProblemWriter problems;
    private final RateLimiter rateLimiter;
    private EventLoopLocal<HttpClient> clients;

    ProxyRoutes(Upstreams upstreams, GatewayConfig config, ProblemWriter problems, RateLimiter rateLimiter) {
        this.upstreams = upstreams;
        this.config = config;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClientOptions options = new HttpClientOptions()
                .setName("gateway")
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                // the connection budget is shared out between the event loops' pools
                .setMaxPoolSize(ceilDiv(config.maxConnections(), EventLoopLocal.eventLoops(vertx)));
        clients = new EventLoopLocal<>(() -> vertx.createHttpClient(options));
        for (Upstream upstream : upstreams.all()) {
            List<ProxyInterceptor> interceptors = List.of(new UpstreamFailures(upstream, problems, config),
                    new ConnectionHeaders(), new ForwardedHeaders(), new ServiceHeadersWin());
            EventLoopLocal<ProxyHandler> proxies = new EventLoopLocal<>(() -> proxyHandler(interceptors));
            // "/prefix/*" matches "/prefix" itself too, but not "/prefixes"
            String route = upstream.prefix() + "/*";
            router.route(route)
                    .handler(context -> {
                        tagMetricsWith(context, route); // before the rate limiter: its 429s are counted on the route too
                        rateLimiter.handle(context);
                    })
                    .handler(context -> proxies.current().handle(context));
            Log.infof("Routing %s to %s at %s", upstream.prefix(), upstream.service(),
                    upstream.instances().all().stream().map(instance -> instance.baseUrl().toString()).toList());
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (clients != null) {
            clients.all().forEach(HttpClient::close);
        }
    }

    private ProxyHandler proxyHandler(List<ProxyInterceptor> interceptors) {
        // no service speaks WebSocket: an Upgrade request is proxied as a plain one (Upgrade is hop-by-hop)
        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), clients.current())
                .origin(context -> context.client().request(requestTo(UpstreamFailures.attempt(context))));
        interceptors.forEach(proxy::addInterceptor);
        return ProxyHandler.create(proxy);
    }

    private static int ceilDiv(int dividend, int divisor) {
        return Math.max(1, (dividend + divisor - 1) / divisor);
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
