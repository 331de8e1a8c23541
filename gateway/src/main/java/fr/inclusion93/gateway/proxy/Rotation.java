package fr.inclusion93.gateway.proxy;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * A service's instances taken in turn (round robin). One that fails a request without answering (refused, reset,
 * silent past its time-out) is out of rotation for a while, then gets requests again: if it still fails, it is out
 * again. When all are out, the one coming back soonest is tried rather than refusing the request.
 */
public final class Rotation {

    private final List<Instance> instances;
    private final long outNanos;
    private final LongSupplier clock;
    private final AtomicInteger turn = new AtomicInteger();
    /** Per instance, until when (clock nanos) it is out of rotation; 0 when in. */
    private final AtomicLongArray outUntil;

    public Rotation(List<Instance> instances, Duration outOfRotation) {
        this(instances, outOfRotation, System::nanoTime);
    }

    Rotation(List<Instance> instances, Duration outOfRotation, LongSupplier clock) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one instance");
        }
        this.instances = List.copyOf(instances);
        this.outNanos = outOfRotation.toNanos();
        this.clock = clock;
        this.outUntil = new AtomicLongArray(instances.size());
    }

    public List<Instance> all() {
        return instances;
    }

    /** The next instance in rotation. */
    public Instance next() {
        int size = instances.size();
        int first = Math.floorMod(turn.getAndIncrement(), size);
        long now = clock.getAsLong();
        int soonest = first;
        for (int i = 0; i < size; i++) {
            int candidate = (first + i) % size;
            long until = outUntil.get(candidate);
            if (until == 0 || until - now <= 0) {
                return instances.get(candidate);
            }
            if (until - outUntil.get(soonest) < 0) {
                soonest = candidate;
            }
        }
        return instances.get(soonest);
    }

    /** The instance failed a request without answering: out of rotation for a while. */
    public void failed(Instance instance) {
        int index = instances.indexOf(instance);
        if (index >= 0) {
            long previous = outUntil.getAndSet(index, clock.getAsLong() + outNanos);
            if (previous == 0 || previous - clock.getAsLong() <= 0) {
                Log.warnf("%s at %s is out of rotation for %d s", instance.service(), instance.baseUrl(),
                        Duration.ofNanos(outNanos).toSeconds());
            }
        }
    }
}
