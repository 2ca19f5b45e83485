package io.maestro.conductor.hub.health;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Route {@code adapter-stats-flush}, on every hub (each flushes what it saw), every
 * {@code conductor.health.flush-interval}: refreshes the health inventory from the registry, flushes this hub's
 * adapter call statistics to the cluster's map, and recomputes the health snapshot the API answers from.
 */
@Component
public class AdapterStatsRoute extends RouteBuilder {

    private final HealthInventory inventory;
    private final AdapterStatsFlush flush;
    private final AdapterHealthService health;
    private final HealthProperties properties;

    public AdapterStatsRoute(
            HealthInventory inventory,
            AdapterStatsFlush flush,
            AdapterHealthService health,
            HealthProperties properties) {
        this.inventory = inventory;
        this.flush = flush;
        this.health = health;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:adapter-stats-flush?period=" + properties.flushInterval().toMillis())
                .routeId("adapter-stats-flush")
                .process(exchange -> {
                    inventory.refresh();
                    flush.flush();
                    health.refresh();
                });
    }
}
