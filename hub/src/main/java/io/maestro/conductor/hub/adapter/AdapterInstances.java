package io.maestro.conductor.hub.adapter;

import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;

/** Every adapter instance's health, gathered from each adapter component's check in Camel's health-check registry. */
final class AdapterInstances {

    private AdapterInstances() {}

    /** By {@code tenant/env/instance}, sorted. */
    static Map<String, AdapterHealthCheck.InstanceHealth> health(CamelContext camel) {
        Map<String, AdapterHealthCheck.InstanceHealth> all = new TreeMap<>();
        HealthCheckRegistry checks = HealthCheckRegistry.get(camel);
        if (checks != null) {
            checks.stream()
                    .filter(AdapterHealthCheck.class::isInstance)
                    .map(AdapterHealthCheck.class::cast)
                    .forEach(check -> all.putAll(check.instances()));
        }
        return all;
    }

    static long down(CamelContext camel) {
        return health(camel).values().stream().filter(state -> !state.up()).count();
    }
}
