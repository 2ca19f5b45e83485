package io.maestro.conductor.adapter.health;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.maestro.conductor.adapter.AdapterErrorCode;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one adapter component's instances, from the outcome of each instance's last call: DOWN while any
 * instance's last call failed with an instance fault (peer unreachable, credentials refused, bucket missing, broken
 * config), with one detail per instance. Registered in Camel's health-check registry, so actuator and Hawtio show
 * it. Not a liveness check: a tenant's unreachable store is no reason to restart the hub.
 */
public final class AdapterHealthCheck extends AbstractHealthCheck {

    public static final String GROUP = "conductor-adapters";

    private record LastCall(boolean healthy, String outcome, Instant at) {
        String describe() {
            return outcome + " at " + at;
        }
    }

    /**
     * One slot per instance, written in place: a map {@code put} on every call would take the map's bin lock, so
     * concurrent calls to one instance would queue on it.
     */
    private final Map<String, AtomicReference<LastCall>> lastCalls = new ConcurrentHashMap<>();

    public AdapterHealthCheck(String category) {
        super(GROUP, category + "-instances");
    }

    public void success(String instanceId) {
        slot(instanceId).set(new LastCall(true, "success", Instant.now()));
    }

    /** Records a failure; failures that are not instance faults leave the instance's health as it was. */
    public void failure(String instanceId, AdapterErrorCode code) {
        if (code.isInstanceFault()) {
            slot(instanceId).set(new LastCall(false, code.name(), Instant.now()));
        }
    }

    private AtomicReference<LastCall> slot(String instanceId) {
        AtomicReference<LastCall> slot = lastCalls.get(instanceId);
        return slot != null ? slot : lastCalls.computeIfAbsent(instanceId, id -> new AtomicReference<>());
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        lastCalls.forEach((instanceId, slot) -> {
            LastCall last = slot.get();
            if (last == null) {
                return;  // created a moment ago, its first outcome not yet written
            }
            builder.detail(instanceId, last.describe());
            if (!last.healthy()) {
                builder.down();
            }
        });
    }
}
