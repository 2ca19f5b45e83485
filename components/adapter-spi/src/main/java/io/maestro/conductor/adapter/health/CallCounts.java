package io.maestro.conductor.adapter.health;

/**
 * One instance's calls over some period, as drained from {@link AdapterCallStats}: requests (successes and errors;
 * a policy denial is not a request the backend saw), errors, denials, latency counts per {@link LatencyBuckets}
 * bucket, and the last success and last error seen (epoch milliseconds, 0 for never).
 */
public record CallCounts(
        String instanceId,
        String category,
        long requests,
        long errors,
        long denials,
        long[] latencyBuckets,
        long lastSuccessMillis,
        String lastErrorCode,
        long lastErrorMillis) {

    /** Nothing counted since the previous drain. */
    public boolean isEmpty() {
        return requests == 0 && denials == 0;
    }
}
