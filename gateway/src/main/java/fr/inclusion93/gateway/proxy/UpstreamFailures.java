package fr.inclusion93.gateway.proxy;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.problem.ProblemWriter;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Replaces vertx-http-proxy's empty 502 with a problem detail when the service cannot be reached (502) or stays
 * silent past the idle timeout (504). A status the service itself answers is passed through untouched.
 */
final class UpstreamFailures implements ProxyInterceptor {

    static final URI UNAVAILABLE = ProblemType.of("upstream-unavailable");
    static final URI TIMEOUT = ProblemType.of("upstream-timeout");

    private static final String FAILURE = UpstreamFailures.class.getName();

    private final Upstream upstream;
    private final ProblemWriter problems;

    UpstreamFailures(Upstream upstream, ProblemWriter problems) {
        this.upstream = upstream;
        this.problems = problems;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().onFailure(failure -> context.set(FAILURE, failure));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Throwable failure = context.get(FAILURE, Throwable.class);
        if (failure != null) {
            String path = context.request().proxiedRequest().path();
            Problem problem = toProblem(failure, path);
            Log.warnf("%s %s: %s at %s failed: %s", context.request().getMethod(), path, upstream.service(),
                    upstream.baseUrl(), failure.toString());
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(problems.toBuffer(problem)));
        }
        return context.sendResponse();
    }

    private Problem toProblem(Throwable failure, String path) {
        if (failure instanceof TimeoutException) {
            return new Problem(TIMEOUT, "Gateway Timeout", 504,
                    upstream.service() + " did not answer in time; the request may or may not have been applied",
                    ProblemWriter.instance(path), List.of());
        }
        return new Problem(UNAVAILABLE, "Bad Gateway", 502,
                upstream.service() + " is unreachable; try again later", ProblemWriter.instance(path), List.of());
    }
}
