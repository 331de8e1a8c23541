package fr.inclusion93.writes.audit;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request an id: the client's {@code X-Request-Id} when it is sane, a new UUID otherwise (absent,
 * too long, or characters that would not belong in a log line). Every response echoes it, errors included; audit rows
 * record it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Up to 128 letters, digits and {@code . _ : = / + -}: UUIDs, proxies' hex ids, AWS trace ids. */
    static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:=/+-]{1,128}");
    private static final String CONTEXT_KEY = RequestIds.class.getName();

    private final CurrentVertxRequest currentRequest;

    RequestIds(CurrentVertxRequest currentRequest) {
        this.currentRequest = currentRequest;
    }

    void register(@Observes Router router) {
        // before anything can answer (authentication refusals included), so that every response carries the id
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(RequestIds::assign);
    }

    /** The current HTTP request's id; empty outside an HTTP request. */
    public Optional<String> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext context = currentRequest.getCurrent();
        return context == null ? Optional.empty() : Optional.ofNullable(context.get(CONTEXT_KEY));
    }

    private static void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.put(CONTEXT_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
