package fr.inclusion93.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request over the size limits with a problem detail, where Vert.x and Quarkus would answer with an empty
 * body: a declared body ({@code Content-Length}) over {@code quarkus.http.limits.max-body-size} is a 413, a URI
 * longer than {@code request-limits.max-uri-length} a 414. It runs just before Quarkus' own Content-Length check.
 * <p>
 * A service that takes large files on a few paths raises Quarkus' limit for them and keeps the others small:
 * {@code request-limits.max-body-size} then limits every path but {@code request-limits.large-body-paths}.
 * <p>
 * What no route sees keeps its empty answer: a request line over Netty's
 * {@code quarkus.http.limits.max-initial-line-length} (an empty 414, hence our URI limit below it), and a chunked
 * body that grows past the limit while Quarkus REST reads it (an empty 413).
 */
@ApplicationScoped
public class RequestLimits {

    private final Optional<Long> maxBodyBytes;
    private final Optional<Long> largeBodyBytes;
    private final Set<String> largeBodyPaths;
    private final int maxUriLength;
    private final ProblemWriter problems;

    RequestLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> quarkusMaxBodySize,
            @ConfigProperty(name = "request-limits.max-body-size") Optional<MemorySize> maxBodySize,
            @ConfigProperty(name = "request-limits.large-body-paths") Optional<Set<String>> largeBodyPaths,
            @ConfigProperty(name = "request-limits.max-uri-length", defaultValue = "4096") int maxUriLength,
            ProblemWriter problems) {
        this.largeBodyBytes = quarkusMaxBodySize.map(MemorySize::asLongValue);
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).or(() -> largeBodyBytes);
        this.largeBodyPaths = largeBodyPaths.orElse(Set.of());
        this.maxUriLength = maxUriLength;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            problems.send(context.response(), new Problem(ProblemType.forStatus(414), "URI Too Long", 414,
                    "The request URI is longer than " + maxUriLength + " characters", null, List.of()));
        } else if (declaresMoreThan(limitFor(request), request)) {
            // the body is still on its way and will not be read: the connection cannot carry another request
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> request.connection().close());
            problems.send(context.response(), new Problem(ProblemType.forStatus(413), "Content Too Large", 413,
                    "The request body is larger than " + limitFor(request).orElseThrow() + " bytes",
                    ProblemWriter.instance(request.path()), List.of()));
        } else {
            context.next();
        }
    }

    private Optional<Long> limitFor(HttpServerRequest request) {
        return largeBodyPaths.contains(request.path()) ? largeBodyBytes : maxBodyBytes;
    }

    /** Netty has already rejected a malformed Content-Length. */
    private static boolean declaresMoreThan(Optional<Long> limit, HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && limit.isPresent() && Long.parseLong(length) > limit.get();
    }
}
