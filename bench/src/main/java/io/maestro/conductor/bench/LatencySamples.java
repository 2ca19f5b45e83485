package io.maestro.conductor.bench;

import java.util.Arrays;

/** Latencies of one measured call, in nanoseconds, with nearest-rank percentiles. */
public final class LatencySamples {

    private long[] nanos;
    private int size;

    public LatencySamples(int expected) {
        nanos = new long[Math.max(16, expected)];
    }

    public void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    public void addAll(LatencySamples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.nanos[i]);
        }
    }

    public int size() {
        return size;
    }

    /** The nearest-rank percentile ({@code 0 < p <= 100}) in microseconds. */
    public double percentileMicros(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[rank - 1] / 1_000.0;
    }
}
