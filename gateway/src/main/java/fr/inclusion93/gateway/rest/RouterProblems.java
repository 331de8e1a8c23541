package fr.inclusion93.gateway.rest;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.problem.ProblemWriter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;

/**
 * Gives the Vert.x layer the services' error shape: the router's own 404 (no route) and 405 (a route, but not for
 * this method), and any failure of a Vert.x route, become problem details instead of Vert.x's HTML page or
 * Quarkus' generic JSON error.
 * <p>
 * Quarkus REST's catch-all route claims every path that the proxy and {@code /q} do not, and answers 404 through
 * problem-details' mappers with the same body; the router's 404 is the net behind it.
 */
@ApplicationScoped
public class RouterProblems {

    private static final URI BLANK = URI.create("about:blank");

    private final ProblemWriter problems;

    RouterProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.errorHandler(404, context -> problems.send(context.response(), notFound(context.request().path())));
        router.errorHandler(405, context -> problems.send(context.response(),
                methodNotAllowed(context.request().method().name(), context.request().path())));
        router.route().failureHandler(this::failed);
    }

    private void failed(RoutingContext context) {
        String path = context.request().path();
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            Log.errorf(context.failure(), "%s %s failed", context.request().method(), path);
        }
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        Problem problem = switch (status) {
            case 404 -> notFound(path);
            case 405 -> methodNotAllowed(context.request().method().name(), path);
            default -> status >= 500
                    ? new Problem(ProblemType.INTERNAL, "Internal error", status,
                            "The request could not be completed; the error was logged", ProblemWriter.instance(path), List.of())
                    : new Problem(BLANK, HttpResponseStatus.valueOf(status).reasonPhrase(), status, null,
                            ProblemWriter.instance(path), List.of());
        };
        problems.send(context.response(), problem);
    }

    private static Problem notFound(String path) {
        return new Problem(ProblemType.NOT_FOUND, "Not Found", 404, "No resource at " + path, ProblemWriter.instance(path),
                List.of());
    }

    private static Problem methodNotAllowed(String method, String path) {
        return new Problem(BLANK, "Method Not Allowed", 405, method + " is not allowed on " + path,
                ProblemWriter.instance(path), List.of());
    }
}
