package io.maestro.conductor.adapter.health;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private final Map<String, LastCall> lastCalls = new ConcurrentHashMap<>();

    public AdapterHealthCheck(String category) {
        super(GROUP, category + "-instances");
    }

    public void success(String instanceId) {
        lastCalls.put(instanceId, new LastCall(true, "success", Instant.now()));
    }

    /** Records a failure; failures that are not instance faults leave the instance's health as it was. */
    public void failure(String instanceId, AdapterErrorCode code) {
        if (code.isInstanceFault()) {
            lastCalls.put(instanceId, new LastCall(false, code.name(), Instant.now()));
        }
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        lastCalls.forEach((instanceId, last) -> {
            builder.detail(instanceId, last.describe());
            if (!last.healthy()) {
                builder.down();
            }
        });
    }
}
