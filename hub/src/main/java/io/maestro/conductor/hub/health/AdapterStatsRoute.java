package io.maestro.conductor.hub.health;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route {@code adapter-stats-flush}, on every hub (each flushes what it saw), every
 * {@code conductor.health.flush-interval}: refreshes the health inventory from the registry, flushes this hub's
 * adapter call statistics to the cluster's map, and recomputes the health snapshot the API answers from, each only
 * when what it reads changed ({@link HealthChanges}).
 */
@Component
public class AdapterStatsRoute extends RouteBuilder {

    private final HealthInventory inventory;
    private final AdapterStatsFlush flush;
    private final AdapterHealthService health;
    private final HealthChanges changes;
    private final HealthProperties properties;
    private long registrySeen = -1;
    private long statsSeen = -1;

    public AdapterStatsRoute(
            HealthInventory inventory,
            AdapterStatsFlush flush,
            AdapterHealthService health,
            HealthChanges changes,
            HealthProperties properties) {
        this.inventory = inventory;
        this.flush = flush;
        this.health = health;
        this.changes = changes;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:adapter-stats-flush?period=" + properties.flushInterval().toMillis())
                .routeId("adapter-stats-flush")
                .process(exchange -> tick());
    }

    /**
     * One tick: the registry is read again only when one of its maps changed, and the snapshot recomputed only when
     * the inventory, this hub's flush or another hub's entries changed it (or time did): a quiet cluster costs a
     * drain of the counters and two counter reads. Counts are read before the work, so a change landing during it
     * is seen by the next tick.
     */
    synchronized boolean tick() {
        long registryNow = changes.registry();
        long statsNow = changes.stats();
        boolean inventoryChanged = registryNow != registrySeen;
        if (inventoryChanged) {
            inventory.refresh();
            registrySeen = registryNow;
        }
        int written = flush.flush();
        boolean changed = inventoryChanged || written > 0 || statsNow != statsSeen;
        statsSeen = statsNow;
        return health.refreshIfChanged(changed);
    }
}
