package io.maestro.conductor.hub.health;

import com.hazelcast.replicatedmap.ReplicatedMap;
import io.maestro.conductor.adapter.health.AdapterCallStats;
import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import io.maestro.conductor.adapter.health.CallCounts;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<String, InstanceWindow> windows = new HashMap<>();

    public AdapterStatsFlush(
            CamelContext camel,
            ReplicatedMap<String, MemberInstanceStats> cluster,
            String member,
            HealthProperties properties,
            Clock clock) {
        this.camel = camel;
        this.cluster = cluster;
        this.member = member;
        this.windowMillis = properties.window().toMillis();
        this.clock = clock;
    }

    /** @return how many entries were written */
    public synchronized int flush() {
        long now = clock.millis();
        int written = 0;
        for (AdapterCallStats stats : callStats()) {
            for (CallCounts drained : stats.drain()) {
                InstanceWindow window = windows.computeIfAbsent(
                        drained.instanceId(), id -> new InstanceWindow(id, drained.category(), windowMillis, now));
                window.add(drained, now);
                if (window.needsWrite(now, windowMillis)) {
                    cluster.put(
                            key(member, drained.instanceId()),
                            window.written(member, now),
                            2 * windowMillis,
                            TimeUnit.MILLISECONDS);
                    written++;
                }
            }
        }
        return written;
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
