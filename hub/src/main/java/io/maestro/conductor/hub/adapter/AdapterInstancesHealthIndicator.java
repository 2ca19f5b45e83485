package io.maestro.conductor.hub.adapter;

import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code adapters}: the state of every adapter instance called since start, per
 * instance ({@code tenant/env/instance} → status, last outcome, when), from the adapter components' health checks
 * in Camel's registry. Always UP itself: an instance is one tenant's backend, and reporting its outage as the hub's
 * status would answer 503 for every tenant (and make a load balancer drop a hub that serves everyone else).
 * Gauge {@code conductor.adapter.instances.down} counts the DOWN ones for alerting.
 */
@Component("adapters")
public class AdapterInstancesHealthIndicator extends AbstractHealthIndicator {

    private final CamelContext camel;

    public AdapterInstancesHealthIndicator(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Map<String, Map<String, String>> instances = new TreeMap<>();
        AdapterInstances.health(camel).forEach((id, state) -> instances.put(id, describe(state)));
        long down = instances.values().stream()
                .filter(state -> "DOWN".equals(state.get("status")))
                .count();
        health.up().withDetail("instancesDown", down).withDetail("instances", instances);
    }

    private static Map<String, String> describe(AdapterHealthCheck.InstanceHealth state) {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("status", state.up() ? "UP" : "DOWN");
        described.put("lastOutcome", state.outcome());
        described.put("at", state.at().toString());
        return described;
    }
}
