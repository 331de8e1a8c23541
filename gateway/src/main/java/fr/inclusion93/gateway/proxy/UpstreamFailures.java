package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.config.GatewayConfig;
import fr.inclusion93.problem.Problem;
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
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Replaces vertx-http-proxy's empty 502 with a problem detail when the service cannot be reached (503) or stays
 * silent past the idle timeout or the request's deadline (504), and keeps a circuit breaker per service: once too many
 * of its requests failed so, the next ones are answered 503 at once for a while, without being sent (SmallRye Fault
 * Tolerance). Each attempt goes to the service's next instance in rotation, and one that gave no answer is taken out
 * of it for a while; a request that could not be sent, or a safe one without a body whose connection failed before the
 * answer, is sent again within its deadline. A status the service itself answers is passed through untouched.
 */
final class UpstreamFailures implements ProxyInterceptor {

    private static final String FAILURE = UpstreamFailures.class.getName();
    private static final String ATTEMPT = FAILURE + ".attempt";

    private final Upstream upstream;
    private final ProblemWriter problems;
    private final TypedGuard<CompletionStage<ProxyResponse>> breaker;
    private final String retryAfterSeconds;
    private final RouteTimeouts timeouts;
    private final int retries;

    UpstreamFailures(Upstream upstream, ProblemWriter problems, GatewayConfig config) {
        this.upstream = upstream;
        this.problems = problems;
        this.timeouts = new RouteTimeouts(config);
        this.retries = config.retries();
        GatewayConfig.CircuitBreaker settings = config.circuitBreaker();
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

    /** Where the attempt being sent goes, and how long it may stay silent (its idle timeout). */
    record Attempt(Instance instance, long timeoutMillis) {
    }

    /** The attempt the origin is to send. */
    static Attempt attempt(ProxyContext context) {
        return context.get(ATTEMPT, Attempt.class);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        String path = context.request().proxiedRequest().path();
        long deadline = timeouts.deadlineNanos(path, System.nanoTime());
        return Future.fromCompletionStage(attempt(context, path, deadline, retries), Vertx.currentContext())
                .onFailure(failure -> context.set(FAILURE, UnansweredRequests.unwrapped(failure)));
    }

    private CompletionStage<ProxyResponse> attempt(ProxyContext context, String path, long deadline, int retriesLeft) {
        long timeout = timeouts.attemptMillis(path, deadline, System.nanoTime());
        if (timeout == 0) {
            return CompletableFuture.failedStage(new TimeoutException("deadline spent before an attempt"));
        }
        Instance instance = upstream.instances().next();
        context.set(ATTEMPT, new Attempt(instance, timeout));
        CompletionStage<ProxyResponse> sent;
        try {
            sent = breaker.get(() -> context.sendRequest().toCompletionStage());
        } catch (CircuitBreakerOpenException open) {
            return CompletableFuture.failedStage(open);
        }
        return sent.exceptionallyCompose(failure -> {
            Throwable cause = UnansweredRequests.unwrapped(failure);
            if (UnansweredRequests.unanswered(cause)) {
                upstream.instances().failed(instance);
            }
            if (retriesLeft == 0 || !UnansweredRequests.retryable(cause, context.request())) {
                return CompletableFuture.failedStage(failure);
            }
            Log.debugf("%s %s: %s at %s failed without an answer (%s), sending it again", context.request().getMethod(),
                    path, upstream.service(), instance.baseUrl(), cause.toString());
            if (!UnansweredRequests.notSent(cause)) {
                context.request().setBody(null); // its empty body was read by the first attempt
            }
            return attempt(context, path, deadline, retriesLeft - 1);
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Throwable failure = context.get(FAILURE, Throwable.class);
        if (failure != null) {
            String path = context.request().proxiedRequest().path();
            Problem problem = UpstreamProblems.of(failure, upstream.service(), path);
            if (failure instanceof StreamResetException) {
                // the gateway dropped the request because its client went away: nothing failed on the service's side
                Log.debugf("%s %s: client gone before %s answered", context.request().getMethod(), path,
                        upstream.service());
            } else {
                Log.warnf("%s %s: %s at %s failed: %s", context.request().getMethod(), path, upstream.service(),
                        attempt(context).instance().baseUrl(), failure.toString());
            }
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
}
