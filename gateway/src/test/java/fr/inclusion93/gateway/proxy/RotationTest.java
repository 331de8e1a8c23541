package fr.inclusion93.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RotationTest {

    private static final Instance A = instance(8081);
    private static final Instance B = instance(8181);
    private static final Instance C = instance(8281);

    private final AtomicLong clock = new AtomicLong(Long.MAX_VALUE - Duration.ofSeconds(5).toNanos()); // wraps meanwhile
    private final Rotation rotation = new Rotation(List.of(A, B, C), Duration.ofSeconds(10), clock::get);

    @Test
    void instancesTakeTurns() {
        assertThat(next(6)).containsExactly(A, B, C, A, B, C);
    }

    @Test
    void aFailedInstanceIsLeftOutUntilItsTimeIsUpThenTriedAgain() {
        rotation.failed(B);

        assertThat(next(6)).containsExactly(A, C, C, A, C, C);
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(next(3)).containsExactly(A, B, C);
    }

    @Test
    void withAllOutTheOneComingBackSoonestIsTried() {
        rotation.failed(C);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        rotation.failed(A);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        rotation.failed(B);

        assertThat(next(3)).containsExactly(C, C, C);
    }

    private List<Instance> next(int times) {
        List<Instance> taken = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            taken.add(rotation.next());
        }
        return taken;
    }

    private static Instance instance(int port) {
        return new Instance("structure-service", URI.create("http://127.0.0.1:" + port));
    }
}
