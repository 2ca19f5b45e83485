package io.maestro.conductor.hub.alert;

import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Alerts in the cluster: firing ones by instance id (at most one per instance, so a rule broken for an hour is one
 * alert, and the evaluator that takes over after a failover sees what its predecessor fired), resolved ones by alert
 * id, kept for {@code conductor.alerts.resolved-retention}.
 */
public final class AlertStore {

    public static final String FIRING_MAP = "conductor-adapter-alerts";
    public static final String RESOLVED_MAP = "conductor-adapter-alerts-resolved";

    private final IMap<String, AdapterAlert> firing;
    private final IMap<String, AdapterAlert> resolved;
    private final long retentionMillis;

    public AlertStore(IMap<String, AdapterAlert> firing, IMap<String, AdapterAlert> resolved, Duration retention) {
        this.firing = firing;
        this.resolved = resolved;
        this.retentionMillis = retention.toMillis();
    }

    public Optional<AdapterAlert> firingOn(String instanceId) {
        return Optional.ofNullable(firing.get(instanceId));
    }

    public List<AdapterAlert> firing() {
        return new ArrayList<>(firing.values());
    }

    public List<AdapterAlert> resolved() {
        return new ArrayList<>(resolved.values());
    }

    /** @return false when the instance already has a firing alert */
    boolean fire(AdapterAlert alert) {
        return firing.putIfAbsent(alert.instanceId(), alert) == null;
    }

    /** Moves {@code firing} to the resolved alerts as {@code done}; false when it is no longer the firing one. */
    boolean resolve(AdapterAlert firingAlert, AdapterAlert done) {
        if (!firing.remove(firingAlert.instanceId(), firingAlert)) {
            return false;
        }
        resolved.set(done.id(), done, retentionMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    /** The firing alert with this id, acknowledged by {@code by}; empty when no firing alert has it. */
    Optional<AdapterAlert> acknowledge(String alertId, String by, java.time.Instant at) {
        for (AdapterAlert alert : firing.values()) {
            if (alert.id().equals(alertId)) {
                AdapterAlert acknowledged = alert.acknowledged(by, at);
                return firing.replace(alert.instanceId(), alert, acknowledged)
                        ? Optional.of(acknowledged)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    Optional<AdapterAlert> find(String alertId) {
        AdapterAlert done = resolved.get(alertId);
        if (done != null) {
            return Optional.of(done);
        }
        return firing.values().stream().filter(a -> a.id().equals(alertId)).findFirst();
    }
}
