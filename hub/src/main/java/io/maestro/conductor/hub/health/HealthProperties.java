package io.maestro.conductor.hub.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How adapter instance health is gathered and judged ({@code conductor.health.*}).
 *
 * @param flushInterval     how often each hub drains its adapters' call statistics into the cluster's map
 * @param window            the recent period error rates and latency percentiles cover (counted in two halves, so
 *                          the figures cover between half of it and all of it)
 * @param minRequests       fewer requests than this in the window: status UNKNOWN (too little to judge)
 * @param degradedErrorRate error rate (0..1) from which an instance is DEGRADED
 * @param downErrorRate     error rate (0..1) from which an instance is DOWN
 * @param degradedAfter     an instance whose window has errors and whose last success is older than this is DEGRADED
 * @param downAfter         ... and DOWN when its last success is older than this (or it never succeeded)
 */
@ConfigurationProperties("conductor.health")
public record HealthProperties(
        @DefaultValue("5s") Duration flushInterval,
        @DefaultValue("10m") Duration window,
        @DefaultValue("1") long minRequests,
        @DefaultValue("0.05") double degradedErrorRate,
        @DefaultValue("0.5") double downErrorRate,
        @DefaultValue("5m") Duration degradedAfter,
        @DefaultValue("30m") Duration downAfter) {

    public HealthProperties {
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("conductor.health.flush-interval must be positive");
        }
        if (window.compareTo(flushInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("conductor.health.window must be at least twice the flush interval");
        }
        if (!(degradedErrorRate > 0 && degradedErrorRate <= downErrorRate && downErrorRate <= 1)) {
            throw new IllegalArgumentException(
                    "conductor.health error rates need 0 < degraded-error-rate <= down-error-rate <= 1");
        }
        if (degradedAfter.compareTo(downAfter) > 0) {
            throw new IllegalArgumentException("conductor.health.degraded-after must not exceed down-after");
        }
    }
}
