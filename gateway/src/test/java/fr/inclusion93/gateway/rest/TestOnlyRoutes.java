package fr.inclusion93.gateway.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Vert.x routes that exist only in tests, to reach the router's 405 and failure paths. */
@ApplicationScoped
public class TestOnlyRoutes {

    public static final String GET_ONLY = "/test-only/get-only";
    public static final String FAILING = "/test-only/failing";

    void register(@Observes Router router) {
        router.get(GET_ONLY).handler(context -> context.response().end("ok"));
        router.route(FAILING).handler(context -> context.fail(new IllegalStateException("boom")));
    }
}
