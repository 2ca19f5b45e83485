package io.maestro.conductor.hub.health;

/**
 * What one hub saw of one adapter instance over its recent window, as kept in the cluster's map (one entry per hub
 * and instance, so hubs never write each other's entries): summed over hubs it is the cluster's view.
 *
 * @param member         the hub (Hazelcast member UUID)
 * @param instanceId     {@code tenant/environment/instance}
 * @param requests       calls in the window (successes and errors)
 * @param latencyBuckets counts per {@code LatencyBuckets} bucket in the window
 * @param updatedMillis  when the hub wrote this; window counts of an entry older than the window are stale (a hub
 *                       that left) and count as nothing
 *     <p>Not {@code Serializable} on purpose: Hazelcast then stores the record in its Compact format (zero-config for
 *     records), several times faster to read than Java serialization.
 */
public record MemberInstanceStats(
        String member,
        String instanceId,
        String category,
        long requests,
        long errors,
        long denials,
        long[] latencyBuckets,
        long lastSuccessMillis,
        String lastErrorCode,
        long lastErrorMillis,
        long updatedMillis) {}
