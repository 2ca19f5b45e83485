package io.maestro.conductor.hub.health;

import com.hazelcast.replicatedmap.ReplicatedMap;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The cluster's view of adapter health: the replicated map every hub flushes into (each hub holds a full copy, so a
 * read is local) computed by the {@link AdapterHealthBoard} over the registry's inventory.
 */
public final class AdapterHealthService {

    public static final String MAP = "conductor-adapter-stats";

    private final ReplicatedMap<String, MemberInstanceStats> cluster;
    private final HealthInventory inventory;
    private final AdapterHealthBoard board;
    private final Clock clock;

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

    /** One installed instance, read from the registry by the caller (so one installed a moment ago is known). */
    public AdapterInstanceHealth instance(String instanceId, String category) {
        return board.compute(
                        cluster.values(),
                        Map.of(instanceId, category),
                        inventory.impacted(),
                        instanceId::equals,
                        clock.millis())
                .get(0);
    }

    /** Every installed instance whose {@code tenant/env/instance} id {@code visible} accepts, sorted by id. */
    public List<AdapterInstanceHealth> instances(Predicate<String> visible) {
        return board.compute(cluster.values(), inventory.installed(), inventory.impacted(), visible, clock.millis());
    }
}
