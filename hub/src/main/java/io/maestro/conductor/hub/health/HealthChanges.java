package io.maestro.conductor.hub.health;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapEvent;
import io.maestro.conductor.registry.cache.RegistryMaps;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes, anywhere in the cluster, to what the health snapshot is computed from: the registry's maps
 * the {@link HealthInventory} reads (tenants, definitions, instances, routes, dependents) and the replicated stats
 * map every hub flushes into (writes, and entries expiring). Route {@code adapter-stats-flush} compares the counts
 * with those of its last refresh and skips the registry read and the recomputation when neither moved. Events
 * arrive asynchronously; a count read before a refresh starts never misses one that lands during it (that one is
 * seen by the next tick).
 */
public final class HealthChanges {

    static final List<String> REGISTRY_MAPS = List.of(
            RegistryMaps.TENANTS,
            RegistryMaps.DEFINITIONS,
            RegistryMaps.INSTANCES,
            RegistryMaps.ROUTES,
            RegistryMaps.DEPENDENTS);

    private final AtomicLong registry = new AtomicLong();
    private final AtomicLong stats = new AtomicLong();

    private static final class Counting<K, V> extends EntryAdapter<K, V> {

        private final AtomicLong count;

        Counting(AtomicLong count) {
            this.count = count;
        }

        @Override
        public void onEntryEvent(EntryEvent<K, V> event) {
            count.incrementAndGet();
        }

        @Override
        public void onMapEvent(MapEvent event) {
            count.incrementAndGet();
        }
    }

    /** Counts nothing by itself: for tests and benchmarks that call {@link #registryChanged()}/{@link #statsChanged()}. */
    public HealthChanges() {}

    /** Listens to the registry's maps and the stats map of {@code hazelcast} (entry events without values). */
    public static HealthChanges listening(HazelcastInstance hazelcast) {
        HealthChanges changes = new HealthChanges();
        for (String map : REGISTRY_MAPS) {
            hazelcast.getMap(map).addEntryListener(new Counting<>(changes.registry), false);
        }
        hazelcast.getReplicatedMap(AdapterHealthService.MAP).addEntryListener(new Counting<>(changes.stats));
        return changes;
    }

    /** How many registry changes were seen so far. */
    public long registry() {
        return registry.get();
    }

    /** How many stats map changes (any hub's writes, expired entries) were seen so far. */
    public long stats() {
        return stats.get();
    }

    public void registryChanged() {
        registry.incrementAndGet();
    }

    public void statsChanged() {
        stats.incrementAndGet();
    }
}
