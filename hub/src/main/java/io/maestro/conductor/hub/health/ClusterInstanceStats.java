package io.maestro.conductor.hub.health;

import io.maestro.conductor.adapter.health.LatencyBuckets;

/**
 * One instance's figures summed over every hub's entry: window counts (of entries fresher than the window) and
 * latency buckets add up; last success and last error are the latest any hub saw.
 */
final class ClusterInstanceStats {

    final String instanceId;
    final String category;
    long requests;
    long errors;
    long denials;
    final long[] buckets = new long[LatencyBuckets.COUNT];
    long lastSuccessMillis;
    String lastErrorCode;
    long lastErrorMillis;

    ClusterInstanceStats(String instanceId, String category) {
        this.instanceId = instanceId;
        this.category = category;
    }

    void add(MemberInstanceStats entry, long freshSinceMillis) {
        if (entry.updatedMillis() >= freshSinceMillis) {
            requests += entry.requests();
            errors += entry.errors();
            denials += entry.denials();
            long[] counts = entry.latencyBuckets();
            for (int i = 0; i < counts.length; i++) {
                buckets[i] += counts[i];
            }
        }
        lastSuccessMillis = Math.max(lastSuccessMillis, entry.lastSuccessMillis());
        if (entry.lastErrorMillis() > lastErrorMillis) {
            lastErrorMillis = entry.lastErrorMillis();
            lastErrorCode = entry.lastErrorCode();
        }
    }

    double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    double latencyMillis(double quantile) {
        return LatencyBuckets.quantileMillis(buckets, requests, quantile);
    }
}
