package fr.inclusion93.gateway.proxy;

import fr.inclusion93.gateway.config.GatewayConfig;
import java.time.Duration;

/**
 * How long a request may wait for a service: each attempt as long as its path's idle timeout, all attempts together
 * no longer than the deadline (a path allowed a longer silence gets that much as its deadline too).
 */
final class RouteTimeouts {

    private final GatewayConfig config;

    RouteTimeouts(GatewayConfig config) {
        this.config = config;
    }

    /** When, on {@link System#nanoTime()}'s clock, a request to {@code path} that arrived at {@code startNanos} ends. */
    long deadlineNanos(String path, long startNanos) {
        Duration deadline = config.deadline();
        Duration idle = idleTimeout(path);
        return startNanos + (idle.compareTo(deadline) > 0 ? idle : deadline).toNanos();
    }

    /** The idle timeout of one attempt started at {@code nowNanos}: its path's, cut to what is left of the deadline. */
    long attemptMillis(String path, long deadlineNanos, long nowNanos) {
        long left = Math.max(0, Duration.ofNanos(deadlineNanos - nowNanos).toMillis());
        return Math.min(idleTimeout(path).toMillis(), left);
    }

    private Duration idleTimeout(String path) {
        return config.pathIdleTimeouts().getOrDefault(path, config.idleTimeout());
    }
}
