package fr.inclusion93.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.gateway.config.GatewayConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RouteTimeoutsTest.Timeouts.class)
class RouteTimeoutsTest {

    public static class Timeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.idle-timeout", "10s", "gateway.deadline", "15s",
                    "gateway.path-idle-timeouts.\"/api/structures/imports\"", "10m");
        }
    }

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Inject
    GatewayConfig config;

    @Test
    void aFirstAttemptWaitsItsPathsIdleTimeout() {
        RouteTimeouts timeouts = new RouteTimeouts(config);
        long start = 1_000 * SECOND;

        assertThat(timeouts.attemptMillis("/api/structures/1", timeouts.deadlineNanos("/api/structures/1", start), start))
                .isEqualTo(10_000);
        assertThat(timeouts.attemptMillis("/api/structures/imports",
                timeouts.deadlineNanos("/api/structures/imports", start), start)).isEqualTo(600_000);
    }

    @Test
    void aLaterAttemptGetsWhatIsLeftOfTheDeadline() {
        RouteTimeouts timeouts = new RouteTimeouts(config);
        long start = 1_000 * SECOND;
        long deadline = timeouts.deadlineNanos("/api/structures/1", start);

        assertThat(timeouts.attemptMillis("/api/structures/1", deadline, start + 9 * SECOND)).isEqualTo(6_000);
        assertThat(timeouts.attemptMillis("/api/structures/1", deadline, start + 15 * SECOND)).isZero();
        assertThat(timeouts.attemptMillis("/api/structures/1", deadline, start + 20 * SECOND)).isZero();
    }

    @Test
    void aPathAllowedALongerSilenceHasThatMuchAsItsDeadline() {
        RouteTimeouts timeouts = new RouteTimeouts(config);
        long start = 1_000 * SECOND;

        assertThat(timeouts.deadlineNanos("/api/structures/imports", start)).isEqualTo(start + 600 * SECOND);
        assertThat(timeouts.deadlineNanos("/api/structures/1", start)).isEqualTo(start + 15 * SECOND);
    }
}
