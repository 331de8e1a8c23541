package fr.inclusion93.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopLocalTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final AtomicInteger made = new AtomicInteger();
    private final EventLoopLocal<Integer> local = new EventLoopLocal<>(made::incrementAndGet);

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventLoopHasItsOwnValueMadeOnce() throws Exception {
        // Vert.x hands out its event loops in turn: two contexts in a row are on different loops
        Context first = vertx.getOrCreateContext();
        Context second = ((VertxInternal) vertx).createEventLoopContext();

        int onFirst = on(first);
        int onSecond = on(second);

        assertThat(onFirst).isNotEqualTo(onSecond);
        assertThat(on(first)).isEqualTo(onFirst);
        assertThat(on(((ContextInternal) first).duplicate())).isEqualTo(onFirst);
        assertThat(made).hasValue(2);
        assertThat(local.all()).containsExactlyInAnyOrder(onFirst, onSecond);
    }

    @Test
    void refusesOffAnEventLoop() {
        assertThatThrownBy(local::current).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsVertxEventLoops() {
        assertThat(EventLoopLocal.eventLoops(vertx)).isEqualTo(2);
    }

    private int on(Context context) throws Exception {
        CompletableFuture<Integer> value = new CompletableFuture<>();
        context.runOnContext(ignored -> value.complete(local.current()));
        return value.get(10, TimeUnit.SECONDS);
    }
}
