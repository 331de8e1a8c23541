package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.config.GatewayConfig;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.problem.ProblemWriter;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    static final URI UNAVAILABLE = ProblemType.of("upstream-unavailable");
    static final URI TIMEOUT = ProblemType.of("upstream-timeout");

    private static final String FAILURE = UpstreamFailures.class.getName();
    private static final String ATTEMPT = FAILURE + ".attempt";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

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
                .onFailure(failure -> context.set(FAILURE, unwrapped(failure)));
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
            Throwable cause = unwrapped(failure);
            if (unanswered(cause)) {
                upstream.instances().failed(instance);
            }
            boolean notSent = cause instanceof ConnectException || cause instanceof UnknownHostException;
            boolean resend = notSent || connectionFailed(cause) && resendable(context.request());
            if (retriesLeft == 0 || !resend) {
                return CompletableFuture.failedStage(failure);
            }
            Log.debugf("%s %s: %s at %s failed without an answer (%s), sending it again", context.request().getMethod(),
                    path, upstream.service(), instance.baseUrl(), cause.toString());
            if (!notSent) {
                context.request().setBody(null); // its empty body was read by the first attempt
            }
            return attempt(context, path, deadline, retriesLeft - 1);
        });
    }

    /** A safe method, and nothing to send but the headers: the request can be sent again as it was. */
    private static boolean resendable(ProxyRequest request) {
        MultiMap headers = request.proxiedRequest().headers();
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return SAFE.contains(request.getMethod()) && (length == null || length.equals("0"))
                && !headers.contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The instance gave no answer: unreachable, gone mid-request or silent; not the client going away. */
    private static boolean unanswered(Throwable failure) {
        return connectionFailed(failure) || failure instanceof TimeoutException;
    }

    /** Refused, reset or closed before any answer: not a time-out, an open circuit, nor the client going away. */
    private static boolean connectionFailed(Throwable failure) {
        return failure instanceof IOException || failure instanceof HttpClosedException;
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Throwable failure = context.get(FAILURE, Throwable.class);
        if (failure != null) {
            String path = context.request().proxiedRequest().path();
            Problem problem = toProblem(failure, path);
            Log.warnf("%s %s: %s at %s failed: %s", context.request().getMethod(), path, upstream.service(),
                    attempt(context).instance().baseUrl(), failure.toString());
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
