package io.maestro.conductor.adapter.health;

import io.maestro.conductor.adapter.AdapterErrorCode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Health of one adapter component's instances, from the outcome of each instance's last call: an instance is DOWN
 * while its last call failed with an instance fault (peer unreachable, credentials refused, bucket missing, broken
 * config). Registered in Camel's health-check registry (group {@value #GROUP}), so Hawtio and actuator show it.
 *
 * <p>The check itself stays UP and is neither a readiness nor a liveness check: an instance is one tenant's
 * backend, and its outage must not make the hub look down (a 503 from {@code /actuator/health} takes every
 * tenant out of a load balancer). Each instance's state is a detail ({@code <tenant/env/instance>}), with
 * {@value #INSTANCES_DOWN} counting the DOWN ones; {@link #instances()} gives the same to a caller.
 */
public final class AdapterHealthCheck extends AbstractHealthCheck {

    public static final String GROUP = "conductor-adapters";
    public static final String INSTANCES_DOWN = "instances.down";

    /** One instance's last call. */
    public record InstanceHealth(boolean up, String outcome, Instant at) {
        @Override
        public String toString() {
            return (up ? "UP " : "DOWN ") + outcome + " at " + at;
        }
    }

    /**
     * One slot per instance, written in place: a map {@code put} on every call would take the map's bin lock, so
     * concurrent calls to one instance would queue on it.
     */
    private final Map<String, AtomicReference<InstanceHealth>> lastCalls = new ConcurrentHashMap<>();

    private final AdapterCallStats calls;

    public AdapterHealthCheck(String category) {
        super(GROUP, category + "-instances");
        this.calls = new AdapterCallStats(category);
    }

    /** The component's per-instance call statistics (counts, latency, last success and error) for the hub to drain. */
    public AdapterCallStats calls() {
        return calls;
    }

    public void success(String instanceId) {
        slot(instanceId).set(new InstanceHealth(true, "success", Instant.now()));
    }

    /** Records a failure; failures that are not instance faults leave the instance's health as it was. */
    public void failure(String instanceId, AdapterErrorCode code) {
        if (code.isInstanceFault()) {
            slot(instanceId).set(new InstanceHealth(false, code.name(), Instant.now()));
        }
    }

    /** Every instance called so far, by {@code tenant/env/instance}, sorted. */
    public Map<String, InstanceHealth> instances() {
        Map<String, InstanceHealth> snapshot = new TreeMap<>();
        lastCalls.forEach((instanceId, slot) -> {
            InstanceHealth last = slot.get();
            if (last != null) { // null: created a moment ago, its first outcome not yet written
                snapshot.put(instanceId, last);
            }
        });
        return snapshot;
    }

    private AtomicReference<InstanceHealth> slot(String instanceId) {
        AtomicReference<InstanceHealth> slot = lastCalls.get(instanceId);
        return slot != null ? slot : lastCalls.computeIfAbsent(instanceId, id -> new AtomicReference<>());
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        Map<String, InstanceHealth> instances = instances();
        instances.forEach((instanceId, health) -> builder.detail(instanceId, health.toString()));
        builder.detail(
                INSTANCES_DOWN,
                instances.values().stream().filter(health -> !health.up()).count());
    }
}
