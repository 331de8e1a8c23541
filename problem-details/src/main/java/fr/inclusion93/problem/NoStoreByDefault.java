package fr.inclusion93.problem;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * API responses ({@code /api/…}) say {@code Cache-Control: no-store} unless the application set a Cache-Control of its
 * own. Decided when the headers are sent, not set up front as {@code quarkus.http.header} does: a resource's header
 * is added after, and both would be sent.
 */
@ApplicationScoped
public class NoStoreByDefault {

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_HEADERS).handler(context -> {
            MultiMap headers = context.response().headers();
            context.addHeadersEndHandler(sending -> {
                if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
                    headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
            context.next();
        });
    }
}
