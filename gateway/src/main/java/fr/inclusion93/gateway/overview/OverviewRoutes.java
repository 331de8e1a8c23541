package fr.inclusion93.gateway.overview;

import fr.inclusion93.gateway.ratelimit.RateLimiter;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The composite reports count against the client's quota like the proxied routes (before the REST layer answers). */
@ApplicationScoped
class OverviewRoutes {

    void register(@Observes Router router, RateLimiter rateLimiter) {
        for (String path : new String[] {"/api/overview/*", "/api/audit/*"}) {
            router.route(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(rateLimiter);
        }
    }
}
