package fr.inclusion93.security.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests run together, for the services' concurrency tests: each on its own thread, all released by one gate. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code count} calls ({@code call.apply(i)} for the i-th) at once; their results in call order. */
    public static <T> List<T> run(int count, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> each = call.apply(i);
                futures.add(executor.submit(() -> {
                    gate.await();
                    return each.call();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
