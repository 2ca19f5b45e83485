package io.maestro.conductor.hub.health;

import com.hazelcast.replicatedmap.ReplicatedMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * The longest a snapshot stands without a recomputation, whatever the change events said: a member that
     * rejoined after a network split may have missed some.
     */
    public static final Duration SAFETY_NET = Duration.ofMinutes(1);

    /** An answer: instances sorted by id, how many of them are in each status, when the snapshot was computed. */
    public record HealthAnswer(
            Instant generatedAt, Map<HealthStatus, Long> counts, List<AdapterInstanceHealth> instances) {}

    private record Snapshot(Instant at, List<AdapterInstanceHealth> sorted, Map<String, AdapterInstanceHealth> byId) {}

    private final ReplicatedMap<String, MemberInstanceStats> cluster;
    private final HealthInventory inventory;
    private final AdapterHealthBoard board;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, List.of(), Map.of());
    /** When the snapshot stops being exact by time alone ({@link AdapterHealthBoard#nextChangeMillis}). */
    private long validUntilMillis = Long.MIN_VALUE;
    /** When the snapshot was last recomputed, for the safety-net recomputation. */
    private long computedMillis = Long.MIN_VALUE;

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

    /**
     * Recomputes the snapshot from the cluster's map and the inventory. Route {@code adapter-stats-flush}, on
     * every hub every few seconds, calls {@link #refreshIfChanged} instead.
     */
    public synchronized void refresh() {
        long now = clock.millis();
        Collection<MemberInstanceStats> entries = cluster.values();
        List<AdapterInstanceHealth> sorted =
                List.copyOf(board.compute(entries, inventory.installed(), inventory.impacted(), id -> true, now));
        Map<String, AdapterInstanceHealth> byId = new HashMap<>(sorted.size() * 2);
        sorted.forEach(health -> byId.put(health.id(), health));
        validUntilMillis = board.nextChangeMillis(entries, now);
        computedMillis = now;
        snapshot = new Snapshot(Instant.ofEpochMilli(now), sorted, byId);
    }

    /**
     * {@link #refresh()} when its inputs {@code changed} (the inventory, or the cluster's map), when time alone
     * changes an answer (an entry going stale, a last success aging past a rule), or once every
     * {@link #SAFETY_NET}; otherwise the snapshot stands, stamped as true now.
     *
     * @return whether it was recomputed
     */
    public synchronized boolean refreshIfChanged(boolean changed) {
        long now = clock.millis();
        if (changed || now >= validUntilMillis || now - computedMillis >= SAFETY_NET.toMillis()) {
            refresh();
            return true;
        }
        Snapshot current = snapshot;
        snapshot = new Snapshot(Instant.ofEpochMilli(now), current.sorted(), current.byId());
        return false;
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
