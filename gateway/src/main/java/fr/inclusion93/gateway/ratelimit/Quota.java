package fr.inclusion93.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * So many requests per window, under a policy name, as the RateLimit header fields (draft-ietf-httpapi-ratelimit-headers)
 * announce it. The window starts with a client's first request and its whole quota comes back when it ends, so
 * {@code RateLimit}'s "r requests left for t seconds" is exact.
 */
record Quota(String policy, int requests, Duration window) {

    Quota {
        if (requests < 1) {
            throw new IllegalArgumentException(policy + " rate limit: requests must be at least 1, got " + requests);
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.toNanos() % 1_000_000_000 != 0) {
            throw new IllegalArgumentException(policy + " rate limit: the window must be whole seconds, got " + window);
        }
    }

    Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillIntervally(requests, window))
                .withNanosecondPrecision()
                .build();
    }

    /** The {@code RateLimit-Policy} field value, e.g. {@code "default";q=600;w=60}. */
    String policyField() {
        return '"' + policy + "\";q=" + requests + ";w=" + window.toSeconds();
    }

    /** The {@code RateLimit} field value, e.g. {@code "default";r=599;t=60}. */
    String limitField(long remaining, long seconds) {
        return '"' + policy + "\";r=" + remaining + ";t=" + seconds;
    }
}
