package io.maestro.conductor.hub.alert;

import io.maestro.conductor.hub.health.AdapterInstanceHealth;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares every instance's health with its category's rule and turns changes into transitions: an alert fires once
 * when a rule starts being broken and resolves once when it stops (or the instance is uninstalled); while it stays
 * broken nothing new happens. Each transition is one structured log event ({@code event=adapter_alert_fired} /
 * {@code adapter_alert_resolved}). Run by the {@code adapter-alerts} route, which hands the transitions on.
 */
public final class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger("conductor.alerts");

    private final Supplier<List<AdapterInstanceHealth>> health;
    private final AlertStore store;
    private final AlertProperties properties;
    private final Clock clock;

    /** @param health every installed instance's health, the cluster's view */
    public AlertEvaluator(
            Supplier<List<AdapterInstanceHealth>> health, AlertStore store, AlertProperties properties, Clock clock) {
        this.health = health;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the alerts that fired or resolved in this evaluation */
    public synchronized List<AdapterAlert> evaluate() {
        long now = clock.millis();
        Instant at = Instant.ofEpochMilli(now);
        List<AdapterAlert> transitions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AdapterInstanceHealth instance : health.get()) {
            seen.add(instance.id());
            Optional<String> breach =
                    properties.ruleFor(instance.category()).flatMap(rule -> rule.breach(instance, now));
            Optional<AdapterAlert> firing = store.firingOn(instance.id());
            if (breach.isPresent() && firing.isEmpty()) {
                AdapterAlert fired = fire(instance, breach.get(), at);
                if (store.fire(fired)) { // false: another evaluator fired it first
                    log("adapter_alert_fired", fired);
                    transitions.add(fired);
                }
            } else if (breach.isEmpty() && firing.isPresent()) {
                resolve(firing.get(), at).ifPresent(transitions::add);
            }
        }
        for (AdapterAlert orphan : store.firing()) {
            if (!seen.contains(orphan.instanceId())) { // uninstalled while firing
                resolve(orphan, at).ifPresent(transitions::add);
            }
        }
        return transitions;
    }

    private AdapterAlert fire(AdapterInstanceHealth instance, String reason, Instant at) {
        String severity = properties.ruleFor(instance.category()).orElseThrow().severity();
        return new AdapterAlert(
                UUID.randomUUID().toString(),
                instance.tenant(),
                instance.environment(),
                instance.instance(),
                instance.category(),
                severity,
                AdapterAlert.State.FIRING,
                reason,
                instance.lastError() == null ? null : instance.lastError().code(),
                at,
                null,
                null,
                null);
    }

    private Optional<AdapterAlert> resolve(AdapterAlert alert, Instant at) {
        AdapterAlert done = alert.resolved(at);
        if (!store.resolve(alert, done)) { // another evaluator resolved (or acknowledged) it meanwhile
            return Optional.empty();
        }
        log("adapter_alert_resolved", done);
        return Optional.of(done);
    }

    private static void log(String event, AdapterAlert alert) {
        LOG.atWarn()
                .addKeyValue("event", event)
                .addKeyValue("alertId", alert.id())
                .addKeyValue("tenant", alert.tenant())
                .addKeyValue("environment", alert.environment())
                .addKeyValue("instance", alert.instance())
                .addKeyValue("category", alert.category())
                .addKeyValue("severity", alert.severity())
                .addKeyValue("lastErrorCode", alert.lastErrorCode())
                .log(
                        "event={} alert={} instance={} category={} severity={}: {}",
                        event,
                        alert.id(),
                        alert.instanceId(),
                        alert.category(),
                        alert.severity(),
                        alert.reason());
    }
}
