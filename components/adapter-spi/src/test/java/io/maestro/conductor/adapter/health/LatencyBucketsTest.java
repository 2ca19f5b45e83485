package io.maestro.conductor.adapter.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    @Test
    void aLatencyCountsInTheFirstBucketWhoseUpperBoundHoldsIt() {
        assertThat(LatencyBuckets.index(0)).isZero();
        assertThat(LatencyBuckets.index(100_000)).isZero();
        assertThat(LatencyBuckets.index(100_001)).isEqualTo(1);
        assertThat(LatencyBuckets.index(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
        for (int i = 0; i < LatencyBuckets.COUNT - 2; i++) {
            assertThat(LatencyBuckets.upperNanos(i + 1))
                    .as("bounds grow by 2^(1/4)")
                    .isBetween(LatencyBuckets.upperNanos(i), Math.round(LatencyBuckets.upperNanos(i) * 1.19) + 1);
        }
    }

    @Test
    void quantilesAreTheUpperBoundOfTheBucketHoldingTheRank() {
        long[] counts = new long[LatencyBuckets.COUNT];
        counts[LatencyBuckets.index(1_000_000)] = 90; // 90 calls of 1 ms
        counts[LatencyBuckets.index(50_000_000)] = 9; // 9 of 50 ms
        counts[LatencyBuckets.index(2_000_000_000)] = 1; // one of 2 s

        assertThat(LatencyBuckets.quantileMillis(counts, 100, 0.5)).isBetween(1.0, 1.19);
        assertThat(LatencyBuckets.quantileMillis(counts, 100, 0.95)).isBetween(50.0, 59.5);
        assertThat(LatencyBuckets.quantileMillis(counts, 100, 0.99)).isBetween(50.0, 59.5);
        assertThat(LatencyBuckets.quantileMillis(counts, 100, 1.0)).isBetween(2000.0, 2380.0);
        assertThat(LatencyBuckets.quantileMillis(new long[LatencyBuckets.COUNT], 0, 0.99))
                .isNaN();
    }
}
