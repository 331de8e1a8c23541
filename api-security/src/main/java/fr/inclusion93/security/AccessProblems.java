package fr.inclusion93.security;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.problem.ProblemWriter;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;

/**
 * The 401 and 403 problem details, and the Vert.x failure handler that sends them when Quarkus Security refuses
 * a token before any route runs (bad signature, issuer, audience, expiry). {@link AccessProblemMappers} sends the
 * same ones for the REST layer's {@code @RolesAllowed}, {@link RoleGuards} for the routes it guards.
 */
@ApplicationScoped
public class AccessProblems {

    static final URI UNAUTHENTICATED = ProblemType.of("unauthenticated");
    static final URI FORBIDDEN = ProblemType.of("forbidden");

    /** Before the apps' own failure handlers (routes without an order take 0, 1, …), which would answer 500. */
    private static final int BEFORE_APP_FAILURE_HANDLERS = -1;

    private final ProblemWriter problems;

    AccessProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_APP_FAILURE_HANDLERS).failureHandler(this::refused);
    }

    static Problem unauthenticated(HttpServerRequest request) {
        return new Problem(UNAUTHENTICATED, "Unauthenticated", 401, tokenPresented(request)
                ? "The bearer token is invalid: bad signature, issuer or audience, expired or not yet valid"
                : "A bearer token is required (Authorization: Bearer <token>)",
                ProblemWriter.instance(request.path()), List.of());
    }

    /** RFC 6750's challenge: says whether the token was missing or refused. */
    static String challenge(HttpServerRequest request) {
        return tokenPresented(request) ? "Bearer error=\"invalid_token\"" : "Bearer";
    }

    static Problem forbidden(HttpServerRequest request) {
        return new Problem(FORBIDDEN, "Forbidden", 403,
                "Your token's role may not " + request.method().name() + " " + request.path(),
                ProblemWriter.instance(request.path()), List.of());
    }

    void sendUnauthenticated(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", challenge(context.request()));
        problems.send(context.response(), unauthenticated(context.request()));
    }

    void sendForbidden(RoutingContext context) {
        problems.send(context.response(), forbidden(context.request()));
    }

    private void refused(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten()) {
            context.next();
        } else if (failure instanceof ForbiddenException) {
            sendForbidden(context);
        } else if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            sendUnauthenticated(context);
        } else {
            context.next();
        }
    }

    private static boolean tokenPresented(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.AUTHORIZATION);
    }
}
