package fr.inclusion93.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.inclusion93.gateway.config.GatewayConfig;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.problem.ProblemWriter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts each client's requests on the routes and answers 429 (a problem detail with {@code Retry-After}), without
 * forwarding, once its quota is spent. Every answer carries the {@code RateLimit-Policy} and {@code RateLimit} fields.
 * A singleton, built when the routes are: a quota that makes no sense stops the gateway at startup.
 */
@Singleton
public class RateLimiter implements Handler<RoutingContext> {

    public static final URI QUOTA_EXCEEDED = ProblemType.of("quota-exceeded");
    public static final String POLICY_FIELD = "RateLimit-Policy";
    public static final String LIMIT_FIELD = "RateLimit";

    private final Quota standard;
    private final Map<String, Quota> byClient;
    private final Cache<String, Bucket> buckets;
    private final ProblemWriter problems;

    RateLimiter(GatewayConfig config, ProblemWriter problems) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.standard = new Quota("default", limits.requests(), limits.window());
        this.byClient = limits.clients().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                client -> new Quota("client", client.getValue().requests(), client.getValue().window().orElse(limits.window()))));
        Duration longestWindow = Stream.concat(Stream.of(standard), byClient.values().stream())
                .map(Quota::window).max(Duration::compareTo).orElseThrow();
        // a bucket left alone for a whole window is full again: forgetting it loses nothing
        this.buckets = Caffeine.newBuilder()
                .executor(Runnable::run) // upkeep on the caller, not a wake-up of a common-pool thread every few reads
                .expireAfterAccess(longestWindow)
                .maximumSize(limits.maxClients())
                .build();
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext context) {
        RateLimitClient client = RateLimitClient.of(context);
        Quota quota = byClient.getOrDefault(client.id(), standard);
        ConsumptionProbe probe = buckets.get(client.bucketKey(), key -> quota.newBucket()).tryConsumeAndReturnRemaining(1);
        MultiMap headers = context.response().headers();
        headers.set(POLICY_FIELD, quota.policyField());
        if (probe.isConsumed()) {
            headers.set(LIMIT_FIELD, quota.limitField(probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset())));
            context.next();
            return;
        }
        long retryAfter = seconds(probe.getNanosToWaitForRefill());
        headers.set(LIMIT_FIELD, quota.limitField(0, retryAfter)).set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problems.send(context.response(), new Problem(QUOTA_EXCEEDED, "Too Many Requests", 429,
                "Quota of " + quota.requests() + " requests per " + quota.window().toSeconds() + " s used up; retry in "
                        + retryAfter + " s",
                ProblemWriter.instance(context.request().path()), List.of()));
    }

    /** Whole seconds, rounded up: who waits that long finds the quota back. */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }
}
