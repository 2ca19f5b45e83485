package io.maestro.conductor.hub.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Status transitions by the configured rules, one rule at a time. */
class HealthRulesTest {

    static final HealthProperties PROPERTIES = new HealthProperties(
            Duration.ofSeconds(5), Duration.ofMinutes(10), 2, 0.05, 0.5, Duration.ofMinutes(5), Duration.ofMinutes(30));
    private static final long NOW = 10_000_000_000L;
    private static final long MINUTE = 60_000;

    private final HealthRules rules = new HealthRules(PROPERTIES);

    @Test
    void fewerRequestsThanTheMinimumIsUnknown() {
        assertThat(rules.status(0, 0, 0, NOW)).isEqualTo(HealthStatus.UNKNOWN);
        assertThat(rules.status(1, 1, 0, NOW)).isEqualTo(HealthStatus.UNKNOWN);
    }

    @Test
    void theErrorRateMovesAnInstanceFromUpToDegradedToDownAndBack() {
        long lastSuccess = NOW - 1000;
        assertThat(rules.status(100, 4, lastSuccess, NOW)).isEqualTo(HealthStatus.UP);
        assertThat(rules.status(100, 5, lastSuccess, NOW)).isEqualTo(HealthStatus.DEGRADED);
        assertThat(rules.status(100, 49, lastSuccess, NOW)).isEqualTo(HealthStatus.DEGRADED);
        assertThat(rules.status(100, 50, lastSuccess, NOW)).isEqualTo(HealthStatus.DOWN);
        assertThat(rules.status(100, 0, lastSuccess, NOW)).isEqualTo(HealthStatus.UP);
    }

    @Test
    void errorsWhileTheLastSuccessAgesMakeAnInstanceDegradedThenDown() {
        assertThat(rules.status(1000, 1, NOW - 4 * MINUTE, NOW)).isEqualTo(HealthStatus.UP);
        assertThat(rules.status(1000, 1, NOW - 5 * MINUTE, NOW)).isEqualTo(HealthStatus.DEGRADED);
        assertThat(rules.status(1000, 1, NOW - 30 * MINUTE, NOW)).isEqualTo(HealthStatus.DOWN);
        assertThat(rules.status(1000, 1, 0, NOW)).as("never succeeded").isEqualTo(HealthStatus.DOWN);
        assertThat(rules.status(1000, 0, NOW - 60 * MINUTE, NOW))
                .as("an old last success without errors is a quiet instance, not a failing one")
                .isEqualTo(HealthStatus.UP);
    }

    @Test
    void inconsistentThresholdsStopTheStart() {
        assertThatThrownBy(() -> new HealthProperties(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(10),
                        1,
                        0.6,
                        0.5,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30)))
                .hasMessageContaining("degraded-error-rate <= down-error-rate");
        assertThatThrownBy(() -> new HealthProperties(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(6),
                        1,
                        0.05,
                        0.5,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30)))
                .hasMessageContaining("window");
    }
}
