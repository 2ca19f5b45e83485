package io.maestro.conductor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void nearestRankPercentilesInMicrosecondsWhateverTheInsertionOrder() {
        LatencySamples samples = new LatencySamples(4);
        for (int i = 100; i >= 1; i--) {
            samples.add(i * 1_000L);
        }
        assertThat(samples.size()).isEqualTo(100);
        assertThat(samples.percentileMicros(50)).isEqualTo(50.0);
        assertThat(samples.percentileMicros(99)).isEqualTo(99.0);
        assertThat(samples.percentileMicros(100)).isEqualTo(100.0);
        assertThat(samples.percentileMicros(0.5)).isEqualTo(1.0);
    }

    @Test
    void mergedSamplesCountBothSides() {
        LatencySamples a = new LatencySamples(1);
        LatencySamples b = new LatencySamples(1);
        a.add(1_000);
        b.add(3_000);
        b.add(2_000);
        a.addAll(b);
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.percentileMicros(50)).isEqualTo(2.0);
    }

    @Test
    void refusesEmptyAndOutOfRange() {
        LatencySamples samples = new LatencySamples(1);
        assertThatThrownBy(() -> samples.percentileMicros(50)).isInstanceOf(IllegalStateException.class);
        samples.add(1);
        assertThatThrownBy(() -> samples.percentileMicros(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> samples.percentileMicros(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
