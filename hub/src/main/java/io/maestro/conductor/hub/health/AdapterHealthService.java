package io.maestro.conductor.hub.health;

import com.hazelcast.replicatedmap.ReplicatedMap;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The cluster's view of adapter health. {@link #refresh()} (run by route {@code adapter-stats-flush} right after this
 * hub's flush) computes every installed instance's health with the {@link AdapterHealthBoard} from the replicated
 * map every hub flushes into (each hub holds a full copy, so the read is local) and keeps the result; a request then
 * only filters that snapshot by what the caller may see. So an answer is at most one flush interval old, and its
 * cost does not grow with the number of hubs.
 */
public final class AdapterHealthService {

    public static final String MAP = "conductor-adapter-stats";

    /** An answer: instances sorted by id, how many of them are in each status, when the snapshot was computed. */
    public record HealthAnswer(
            Instant generatedAt, Map<HealthStatus, Long> counts, List<AdapterInstanceHealth> instances) {}

    private record Snapshot(Instant at, List<AdapterInstanceHealth> sorted, Map<String, AdapterInstanceHealth> byId) {}

    private final ReplicatedMap<String, MemberInstanceStats> cluster;
    private final HealthInventory inventory;
    private final AdapterHealthBoard board;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, List.of(), Map.of());

    public AdapterHealthService(
            ReplicatedMap<String, MemberInstanceStats> cluster,
            HealthInventory inventory,
            AdapterHealthBoard board,
            Clock clock) {
        this.cluster = cluster;
        this.inventory = inventory;
        this.board = board;
        this.clock = clock;
    }

    /** Recomputes the snapshot from the cluster's map and the inventory. */
    public void refresh() {
        long now = clock.millis();
        List<AdapterInstanceHealth> sorted = List.copyOf(
                board.compute(cluster.values(), inventory.installed(), inventory.impacted(), id -> true, now));
        Map<String, AdapterInstanceHealth> byId = new HashMap<>(sorted.size() * 2);
        sorted.forEach(health -> byId.put(health.id(), health));
        snapshot = new Snapshot(Instant.ofEpochMilli(now), sorted, byId);
    }

    /** When the snapshot the answers come from was computed. */
    public Instant computedAt() {
        return snapshot.at();
    }

    /** Every installed instance of the tenants {@code visibleTenant} accepts, sorted by id. */
    public List<AdapterInstanceHealth> instances(Predicate<String> visibleTenant) {
        return answer(visibleTenant, health -> true).instances();
    }

    /** The instances of the tenants {@code visibleTenant} accepts that {@code filter} keeps, with counts per status. */
    public HealthAnswer answer(Predicate<String> visibleTenant, Predicate<AdapterInstanceHealth> filter) {
        Snapshot current = snapshot;
        List<AdapterInstanceHealth> found = new ArrayList<>();
        long[] counts = new long[HealthStatus.values().length];
        for (AdapterInstanceHealth health : current.sorted()) {
            if (visibleTenant.test(health.tenant()) && filter.test(health)) {
                found.add(health);
                counts[health.status().ordinal()]++;
            }
        }
        Map<HealthStatus, Long> byStatus = new EnumMap<>(HealthStatus.class);
        for (HealthStatus status : HealthStatus.values()) {
            byStatus.put(status, counts[status.ordinal()]);
        }
        return new HealthAnswer(current.at(), byStatus, found);
    }

    /**
     * One installed instance (the caller checked it is installed): from the snapshot, or UNKNOWN with no figures when
     * it was installed after the snapshot was taken.
     */
    public AdapterInstanceHealth instance(String instanceId, String category) {
        AdapterInstanceHealth found = snapshot.byId().get(instanceId);
        if (found != null) {
            return found;
        }
        return board.compute(List.of(), Map.of(instanceId, category), inventory.impacted(), id -> true, clock.millis())
                .get(0);
    }
}
