package io.maestro.conductor.hub.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Computes every instance's health from the cluster's entries (one per hub and instance): sums each instance's
 * entries, applies the {@link HealthRules}, attaches impacted workflows, and lists installed instances never called
 * as UNKNOWN. Pure computation over what it is given, so it is measured as is (bench's AdapterHealthBenchmark).
 */
public final class AdapterHealthBoard {

    private static final Comparator<AdapterInstanceHealth> BY_ID = Comparator.comparing(AdapterInstanceHealth::tenant)
            .thenComparing(AdapterInstanceHealth::environment)
            .thenComparing(AdapterInstanceHealth::instance);

    private final HealthRules rules;
    private final long windowMillis;

    public AdapterHealthBoard(HealthRules rules, HealthProperties properties) {
        this.rules = rules;
        this.windowMillis = properties.window().toMillis();
    }

    /**
     * @param entries   the cluster map's values
     * @param installed installed instances by {@code tenant/env/instance} → category (those never called show as
     *                  UNKNOWN); entries of instances no longer installed are left out
     * @param visible   which instance ids the caller may see (checked before anything is computed for one)
     */
    public List<AdapterInstanceHealth> compute(
            Collection<MemberInstanceStats> entries,
            Map<String, String> installed,
            ImpactedWorkflows impacted,
            Predicate<String> visible,
            long nowMillis) {
        long freshSince = nowMillis - windowMillis;
        Map<String, ClusterInstanceStats> byInstance = new HashMap<>();
        for (MemberInstanceStats entry : entries) {
            String id = entry.instanceId();
            if (!installed.containsKey(id) || !visible.test(id)) {
                continue;
            }
            ClusterInstanceStats stats = byInstance.get(id);
            if (stats == null) {
                stats = new ClusterInstanceStats(id, entry.category());
                byInstance.put(id, stats);
            }
            stats.add(entry, freshSince);
        }
        List<AdapterInstanceHealth> result = new ArrayList<>(byInstance.size());
        installed.forEach((id, category) -> {
            ClusterInstanceStats stats = byInstance.get(id);
            if (stats != null) {
                result.add(view(stats, impacted, nowMillis));
            } else if (visible.test(id)) {
                result.add(view(new ClusterInstanceStats(id, category), impacted, nowMillis));
            }
        });
        result.sort(BY_ID);
        return result;
    }

    /**
     * The first moment after {@code nowMillis} at which {@link #compute} could answer otherwise over the same entries
     * and inventory: an entry's window counts going stale, or a last success aging past a rule's threshold. Until
     * then (and unless an entry or the inventory changes) a computed snapshot stays exact.
     */
    public long nextChangeMillis(Collection<MemberInstanceStats> entries, long nowMillis) {
        long next = Long.MAX_VALUE;
        for (MemberInstanceStats entry : entries) {
            // fresh while updatedMillis >= now - window (compute's freshSince)
            long stale = entry.updatedMillis() + windowMillis + 1;
            if (stale > nowMillis) {
                next = Math.min(next, stale);
            }
            next = Math.min(next, rules.nextThresholdMillis(entry.lastSuccessMillis(), nowMillis));
        }
        return next;
    }

    private AdapterInstanceHealth view(ClusterInstanceStats stats, ImpactedWorkflows impacted, long nowMillis) {
        String[] parts = stats.instanceId.split("/", 3);
        boolean called = stats.requests > 0;
        return new AdapterInstanceHealth(
                parts[0],
                parts[1],
                parts[2],
                stats.category,
                rules.status(stats, nowMillis),
                stats.requests,
                stats.errors,
                stats.errorRate(),
                stats.denials,
                new AdapterInstanceHealth.Latency(
                        called ? stats.latencyMillis(0.5) : null,
                        called ? stats.latencyMillis(0.95) : null,
                        called ? stats.latencyMillis(0.99) : null),
                stats.lastSuccessMillis == 0 ? null : Instant.ofEpochMilli(stats.lastSuccessMillis),
                stats.lastErrorCode == null
                        ? null
                        : new AdapterInstanceHealth.LastError(
                                stats.lastErrorCode, Instant.ofEpochMilli(stats.lastErrorMillis)),
                impacted.routes(stats.category, parts[2]));
    }
}
