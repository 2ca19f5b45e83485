package io.maestro.conductor.adapter.health;

import io.maestro.conductor.adapter.AdapterErrorCode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Health of one adapter component's instances, from the outcome of each instance's last call: an instance is DOWN
 * while its last call failed with an instance fault (peer unreachable, credentials refused, bucket missing, broken
 * config). Registered in Camel's health-check registry (group {@value #GROUP}) as {@code <scheme>-instances}, unique
 * per component ({@link #register}), so Hawtio and actuator show it.
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

    /** The id a component's check is named by: {@code <name>-instances}. */
    public static final String ID_SUFFIX = "-instances";

    public AdapterHealthCheck(String category) {
        this(category + ID_SUFFIX, category);
    }

    /**
     * @param id       unique in the CamelContext's health-check registry, which keeps one check per id: see
     *                 {@link #register}
     * @param category the category of the component's instances
     */
    public AdapterHealthCheck(String id, String category) {
        super(GROUP, id);
        this.calls = new AdapterCallStats(category);
    }

    /**
     * Registers a component's check as {@code <name>-instances}, or, when another component's check already has that
     * id (two versions of one adapter side by side, two components of one name), as {@code <name>-instances-2},
     * {@code -3}, ...: Camel's registry keeps one check per id, so a shared id would hide the second component's
     * instances and unregistering one would remove the other's.
     *
     * @param name the component's scheme (its Camel default name), else its category
     * @return the check, registered (or unregistered, when the context has no health-check registry)
     */
    public static AdapterHealthCheck register(
            HealthCheckRegistry registry, CamelContext camel, String name, String category) {
        if (registry == null) {
            AdapterHealthCheck check = new AdapterHealthCheck(name + ID_SUFFIX, category);
            check.setCamelContext(camel);
            return check;
        }
        synchronized (registry) {
            String id = name + ID_SUFFIX;
            for (int n = 2; registry.getCheck(id).isPresent(); n++) {
                id = name + ID_SUFFIX + "-" + n;
            }
            AdapterHealthCheck check = new AdapterHealthCheck(id, category);
            check.setCamelContext(camel);
            registry.register(check);
            return check;
        }
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
