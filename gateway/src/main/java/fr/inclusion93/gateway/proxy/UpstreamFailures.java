package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.config.GatewayConfig;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.problem.ProblemWriter;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Replaces vertx-http-proxy's empty 502 with a problem detail when the service cannot be reached (503) or stays
 * silent past the idle timeout (504), and keeps a circuit breaker per service: once too many of its requests failed
 * so, the next ones are answered 503 at once for a while, without being sent (SmallRye Fault Tolerance). A status the
 * service itself answers is passed through untouched.
 */
final class UpstreamFailures implements ProxyInterceptor {

    static final URI UNAVAILABLE = ProblemType.of("upstream-unavailable");
    static final URI TIMEOUT = ProblemType.of("upstream-timeout");

    private static final String FAILURE = UpstreamFailures.class.getName();

    private final Upstream upstream;
    private final ProblemWriter problems;
    private final TypedGuard<CompletionStage<ProxyResponse>> breaker;
    private final String retryAfterSeconds;

    UpstreamFailures(Upstream upstream, ProblemWriter problems, GatewayConfig.CircuitBreaker settings) {
        this.upstream = upstream;
        this.problems = problems;
        this.breaker = TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() { })
                .withCircuitBreaker()
                .name("upstream-" + upstream.service())
                .requestVolumeThreshold(settings.requests())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                .skipOn(StreamResetException.class) // the client went away and the gateway dropped its request
                .onStateChange(state -> Log.warnf("circuit breaker of %s: %s", upstream.service(), state))
                .done()
                .build();
        this.retryAfterSeconds = Long.toString(Math.max(1, settings.delay().toSeconds()));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        CompletionStage<ProxyResponse> sent;
        try {
            sent = breaker.get(() -> context.sendRequest().toCompletionStage());
        } catch (CircuitBreakerOpenException open) {
            sent = CompletableFuture.failedStage(open);
        }
        return Future.fromCompletionStage(sent, Vertx.currentContext())
                .onFailure(failure -> context.set(FAILURE, failure instanceof CompletionException ? failure.getCause() : failure));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Throwable failure = context.get(FAILURE, Throwable.class);
        if (failure != null) {
            String path = context.request().proxiedRequest().path();
            Problem problem = toProblem(failure, path);
            Log.warnf("%s %s: %s at %s failed: %s", context.request().getMethod(), path, upstream.service(),
                    upstream.baseUrl(), failure.toString());
            if (failure instanceof CircuitBreakerOpenException) {
                context.response().putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
            }
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
        if (failure instanceof CircuitBreakerOpenException) {
            return new Problem(UNAVAILABLE, "Service Unavailable", 503, upstream.service() + " is failing: the gateway "
                    + "stopped sending it requests for a few seconds; try again later", ProblemWriter.instance(path), List.of());
        }
        return new Problem(UNAVAILABLE, "Service Unavailable", 503,
                upstream.service() + " is unreachable; try again later", ProblemWriter.instance(path), List.of());
    }
}
