package io.maestro.conductor.hub.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.health.CallCounts;
import io.maestro.conductor.adapter.health.LatencyBuckets;
import org.junit.jupiter.api.Test;

/** Two half-window slots: counts stay for between half the window and all of it, then drop off. */
class InstanceWindowTest {

    private static final long WINDOW = 600_000;
    private static final long T0 = 1_800_000_000_000L;

    @Test
    void countsDropOffAfterTwoHalfWindowsAndOnlyChangesAreWritten() {
        InstanceWindow window = new InstanceWindow("a/b/c", "storage", WINDOW, T0);
        window.add(calls(10, 3, T0), T0);
        assertThat(window.needsWrite(T0, WINDOW)).isTrue();
        assertThat(window.written("hub", T0).requests()).isEqualTo(10);

        window.add(calls(0, 0, T0), T0 + 1000);
        assertThat(window.needsWrite(T0 + 1000, WINDOW)).as("nothing new").isFalse();

        window.add(calls(5, 0, T0 + WINDOW / 2), T0 + WINDOW / 2);
        MemberInstanceStats half = window.written("hub", T0 + WINDOW / 2);
        assertThat(half.requests()).as("previous half still counts").isEqualTo(15);
        assertThat(half.errors()).isEqualTo(3);

        window.add(calls(0, 0, T0 + WINDOW / 2), T0 + WINDOW);
        assertThat(window.needsWrite(T0 + WINDOW, WINDOW))
                .as("the first half dropped off")
                .isTrue();
        MemberInstanceStats later = window.written("hub", T0 + WINDOW);
        assertThat(later.requests()).isEqualTo(5);
        assertThat(later.errors()).isZero();
        assertThat(later.lastSuccessMillis()).isEqualTo(T0 + WINDOW / 2);

        window.add(calls(0, 0, T0 + WINDOW / 2), T0 + 3 * WINDOW);
        assertThat(window.written("hub", T0 + 3 * WINDOW).requests())
                .as("a quiet window")
                .isZero();
    }

    private static CallCounts calls(long requests, long errors, long lastSuccess) {
        long[] buckets = new long[LatencyBuckets.COUNT];
        buckets[3] = requests;
        return new CallCounts("a/b/c", "storage", requests, errors, 0, buckets, lastSuccess, "X", T0);
    }
}
