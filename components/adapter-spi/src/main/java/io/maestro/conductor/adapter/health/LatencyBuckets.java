package io.maestro.conductor.adapter.health;

import java.util.Arrays;

/**
 * The fixed latency buckets adapter call statistics count into: upper bounds growing by a factor of 2^(1/4) from
 * 100 µs, the last bucket open-ended. Fixed bounds make counts from every hub addable, so a percentile over the
 * cluster is computed from summed counts rather than averaged from per-hub percentiles (which is wrong). A
 * percentile is the upper bound of the bucket it falls in: at most 19 % above the true value.
 */
public final class LatencyBuckets {

    public static final int COUNT = 80;

    /** Upper bounds in nanoseconds; the last one is {@link Long#MAX_VALUE}. */
    private static final long[] UPPER_NANOS = new long[COUNT];

    static {
        for (int i = 0; i < COUNT - 1; i++) {
            UPPER_NANOS[i] = Math.round(100_000 * Math.pow(2, i / 4.0));
        }
        UPPER_NANOS[COUNT - 1] = Long.MAX_VALUE;
    }

    private LatencyBuckets() {}

    /** The bucket a latency of {@code nanos} counts in. */
    public static int index(long nanos) {
        int found = Arrays.binarySearch(UPPER_NANOS, nanos);
        return found >= 0 ? found : -found - 1;
    }

    /** The upper bound of bucket {@code index} in nanoseconds ({@link Long#MAX_VALUE} for the last). */
    public static long upperNanos(int index) {
        return UPPER_NANOS[index];
    }

    /**
     * The {@code quantile} (0..1] of the latencies counted in {@code counts}, in milliseconds: the upper bound of the
     * bucket holding it (the last bucket reports its lower bound, as it has no upper one); {@code NaN} when nothing
     * was counted.
     */
    public static double quantileMillis(long[] counts, long total, double quantile) {
        if (total <= 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                long bound = i == COUNT - 1 ? UPPER_NANOS[COUNT - 2] : UPPER_NANOS[i];
                return bound / 1_000_000.0;
            }
        }
        return UPPER_NANOS[COUNT - 2] / 1_000_000.0;
    }
}
