package io.maestro.conductor.hub.health;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route {@code adapter-stats-flush}, on every hub (each flushes what it saw): refreshes the health inventory from the
 * registry and flushes this hub's adapter call statistics to the cluster's map every
 * {@code conductor.health.flush-interval}.
 */
@Component
public class AdapterStatsRoute extends RouteBuilder {

    private final HealthInventory inventory;
    private final AdapterStatsFlush flush;
    private final HealthProperties health;

    public AdapterStatsRoute(HealthInventory inventory, AdapterStatsFlush flush, HealthProperties health) {
        this.inventory = inventory;
        this.flush = flush;
        this.health = health;
    }

    @Override
    public void configure() {
        from("timer:adapter-stats-flush?period=" + health.flushInterval().toMillis())
                .routeId("adapter-stats-flush")
                .process(exchange -> {
                    inventory.refresh();
                    flush.flush();
                });
    }
}
