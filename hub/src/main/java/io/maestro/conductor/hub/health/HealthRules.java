package io.maestro.conductor.hub.health;

/**
 * Judges an instance from its window ({@link HealthProperties}): too few requests is UNKNOWN (nothing recent to
 * judge by); an error rate at or over {@code down-error-rate}, or errors while the last success is older than
 * {@code down-after}, is DOWN; the same against {@code degraded-error-rate} and {@code degraded-after} is DEGRADED;
 * anything else UP. Policy denials never count: a denied call is the policy working, not the backend failing.
 */
public final class HealthRules {

    private final HealthProperties properties;
    private final long degradedAfterMillis;
    private final long downAfterMillis;

    public HealthRules(HealthProperties properties) {
        this.properties = properties;
        this.degradedAfterMillis = properties.degradedAfter().toMillis();
        this.downAfterMillis = properties.downAfter().toMillis();
    }

    HealthStatus status(ClusterInstanceStats stats, long nowMillis) {
        return status(stats.requests, stats.errors, stats.lastSuccessMillis, nowMillis);
    }

    /** @param lastSuccessMillis 0 for never */
    public HealthStatus status(long requests, long errors, long lastSuccessMillis, long nowMillis) {
        if (requests < properties.minRequests() || requests == 0) {
            return HealthStatus.UNKNOWN;
        }
        double errorRate = (double) errors / requests;
        long successAge = lastSuccessMillis == 0 ? Long.MAX_VALUE : nowMillis - lastSuccessMillis;
        if (errorRate >= properties.downErrorRate() || (errors > 0 && successAge >= downAfterMillis)) {
            return HealthStatus.DOWN;
        }
        if (errorRate >= properties.degradedErrorRate() || (errors > 0 && successAge >= degradedAfterMillis)) {
            return HealthStatus.DEGRADED;
        }
        return HealthStatus.UP;
    }

    /**
     * The first moment after {@code nowMillis} at which the age of a last success at {@code lastSuccessMillis} crosses
     * one of the rules' thresholds (so a status may change without any new call); {@code Long.MAX_VALUE} when none
     * is ahead.
     */
    long nextThresholdMillis(long lastSuccessMillis, long nowMillis) {
        long next = Long.MAX_VALUE;
        if (lastSuccessMillis > 0) {
            for (long threshold :
                    new long[] {lastSuccessMillis + degradedAfterMillis, lastSuccessMillis + downAfterMillis}) {
                if (threshold > nowMillis) {
                    next = Math.min(next, threshold);
                }
            }
        }
        return next;
    }
}
