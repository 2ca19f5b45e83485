package io.maestro.conductor.bench.cluster;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Closed-loop load: {@code clients} threads each send a request as soon as their previous one is answered, until
 * {@code requests} requests were sent or {@code limit} has passed, whichever comes first. A request is a function of
 * its number, true when it succeeded.
 */
final class LoadRun {

    /** Successes and failures, and the time from the first request to the last answer. */
    record Result(long ok, long failed, Duration elapsed) {

        double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }
    }

    private LoadRun() {}

    static Result run(int clients, long requests, Duration limit, LongPredicate request) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (long i = next.getAndIncrement();
                        i < requests && System.nanoTime() < deadline;
                        i = next.getAndIncrement()) {
                    (request.test(i) ? ok : failed).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(limit.toMillis() + 120_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("requests still unanswered two minutes after the time limit");
        }
        return new Result(ok.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
    }
}
