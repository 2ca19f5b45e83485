package io.maestro.conductor.hub.health;

import com.hazelcast.replicatedmap.ReplicatedMap;
import io.maestro.conductor.adapter.health.AdapterCallStats;
import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import io.maestro.conductor.adapter.health.CallCounts;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * Drains every adapter component's call statistics into this hub's windows and writes the windows that changed to
 * the cluster's map, one entry per hub and instance. Run by the {@code adapter-stats-flush} timer route on every hub
 * (not a singleton: each hub flushes what it saw). Entries expire after twice the window unless rewritten, so a hub
 * that left (or restarted under a new member id) stops counting; a quiet instance's entry is rewritten once per
 * window to stay.
 */
public final class AdapterStatsFlush {

    private final CamelContext camel;
    private final ReplicatedMap<String, MemberInstanceStats> cluster;
    private final String member;
    private final long windowMillis;
    private final Clock clock;
    private final HealthInventory inventory;
    private final Map<String, InstanceWindow> windows = new HashMap<>();

    public AdapterStatsFlush(
            CamelContext camel,
            ReplicatedMap<String, MemberInstanceStats> cluster,
            String member,
            HealthInventory inventory,
            HealthProperties properties,
            Clock clock) {
        this.camel = camel;
        this.inventory = inventory;
        this.cluster = cluster;
        this.member = member;
        this.windowMillis = properties.window().toMillis();
        this.clock = clock;
    }

    /**
     * Drains every component's statistics into the windows and writes those that changed. An instance no longer
     * installed (by the inventory, refreshed just before) and not called since the last flush is dropped: its
     * component's counters, its window and this hub's entry in the cluster's map; so is the window of an instance
     * whose component is gone. An instance the inventory does not know yet but that is being called (installed on
     * another hub a moment ago) is kept.
     *
     * @return how many entries were written or removed
     */
    public synchronized int flush() {
        long now = clock.millis();
        Map<String, String> installed = inventory.loaded() ? inventory.installed() : null;
        Set<String> seen = new HashSet<>();
        int written = 0;
        for (AdapterCallStats stats : callStats()) {
            for (CallCounts drained : stats.drain()) {
                String id = drained.instanceId();
                if (installed != null && !installed.containsKey(id) && drained.isEmpty()) {
                    stats.forget(id);
                    continue;
                }
                seen.add(id);
                InstanceWindow window = windows.computeIfAbsent(
                        id, ignored -> new InstanceWindow(id, drained.category(), windowMillis, now));
                window.add(drained, now);
                if (window.needsWrite(now, windowMillis)) {
                    cluster.put(key(member, id), window.written(member, now), 2 * windowMillis, TimeUnit.MILLISECONDS);
                    written++;
                }
            }
        }
        for (Iterator<String> ids = windows.keySet().iterator(); ids.hasNext(); ) {
            String id = ids.next();
            if (!seen.contains(id)) {
                ids.remove();
                cluster.remove(key(member, id));
                written++;
            }
        }
        return written;
    }

    /** The instances this hub keeps a window of (for tests). */
    synchronized Set<String> windowed() {
        return Set.copyOf(windows.keySet());
    }

    static String key(String member, String instanceId) {
        return member + "|" + instanceId;
    }

    private Iterable<AdapterCallStats> callStats() {
        HealthCheckRegistry checks = HealthCheckRegistry.get(camel);
        if (checks == null) {
            return java.util.List.of();
        }
        return checks.stream()
                .filter(AdapterHealthCheck.class::isInstance)
                .map(check -> ((AdapterHealthCheck) check).calls())
                .toList();
    }
}
