package io.maestro.conductor.adapter.health;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One instance's calls since the last {@link #drain()}: written on every adapter call, so only striped counters and
 * plain volatile writes (no lock, no allocation); read and reset by the hub's periodic flush.
 */
final class InstanceCallStats {

    private final String category;
    private final LongAdder successes = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder denials = new LongAdder();
    private final AtomicLongArray latency = new AtomicLongArray(LatencyBuckets.COUNT);
    private volatile long lastSuccessMillis;
    private volatile LastError lastError;

    /** The code and time of an instance's most recent failed call. */
    record LastError(String code, long atMillis) {}

    InstanceCallStats(String category) {
        this.category = category;
    }

    void success(long nanos, long nowMillis) {
        successes.increment();
        latency.incrementAndGet(LatencyBuckets.index(nanos));
        lastSuccessMillis = nowMillis;
    }

    void failure(String code, long nanos, long nowMillis) {
        errors.increment();
        latency.incrementAndGet(LatencyBuckets.index(nanos));
        lastError = new LastError(code, nowMillis);
    }

    void denial() {
        denials.increment();
    }

    /**
     * The counts since the previous drain, reset as they are read (a call racing the drain lands in this one or the
     * next, never in neither); last success and last error are kept, they are states rather than counts.
     */
    CallCounts drain(String instanceId) {
        long[] buckets = new long[LatencyBuckets.COUNT];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = latency.getAndSet(i, 0);
        }
        LastError error = lastError;
        long ok = successes.sumThenReset();
        long failed = errors.sumThenReset();
        return new CallCounts(
                instanceId,
                category,
                ok + failed,
                failed,
                denials.sumThenReset(),
                buckets,
                lastSuccessMillis,
                error == null ? null : error.code(),
                error == null ? 0 : error.atMillis());
    }
}
