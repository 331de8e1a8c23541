package fr.inclusion93.gateway.proxy;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A value per Vert.x event loop, made on first use on that loop. The proxy keeps an HTTP client, so a connection pool,
 * per event loop: a request then goes out on a connection of the loop that received it. One client's pool hands out
 * whichever idle connection answered last, whatever its loop, and each request then crossed threads twice (its head
 * queued to the connection's loop, the answer queued back): per-loop clients took a fifth off the gateway's CPU per
 * request (deploy/bench/gateway.sh).
 */
final class EventLoopLocal<T> {

    private final Supplier<T> factory;
    private final Map<EventLoop, T> byEventLoop = new ConcurrentHashMap<>();

    EventLoopLocal(Supplier<T> factory) {
        this.factory = factory;
    }

    /** How many event loops Vert.x runs: what a per-loop share of a budget divides by. */
    static int eventLoops(Vertx vertx) {
        int count = 0;
        for (var ignored : vertx.nettyEventLoopGroup()) {
            count++;
        }
        return Math.max(1, count);
    }

    /** The current event loop's value; only on a Vert.x event loop. */
    T current() {
        Context context = Vertx.currentContext();
        if (!(context instanceof ContextInternal internal) || !context.isEventLoopContext()) {
            throw new IllegalStateException("not on a Vert.x event loop");
        }
        EventLoop eventLoop = internal.nettyEventLoop();
        T value = byEventLoop.get(eventLoop);
        return value != null ? value : byEventLoop.computeIfAbsent(eventLoop, loop -> factory.get());
    }

    Collection<T> all() {
        return byEventLoop.values();
    }
}
