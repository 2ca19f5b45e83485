package io.maestro.conductor.hub.alert;

import io.maestro.conductor.hub.health.AdapterInstanceHealth;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an instance of one category is alerting: at least {@code minRequests} calls in the health window and an error
 * rate at or over {@code errorRate}, or errors while its last success is older than {@code lastSuccessAge} (unset:
 * only the error rate counts).
 *
 * @param severity {@code warning} or {@code critical}, carried by the alert for whoever is notified
 */
public record AlertRule(
        @DefaultValue("0.5") double errorRate,
        Duration lastSuccessAge,
        @DefaultValue("1") long minRequests,
        @DefaultValue("warning") String severity) {

    public AlertRule {
        if (!(errorRate > 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("an alert rule's error-rate must be in (0, 1]");
        }
        if (!"warning".equals(severity) && !"critical".equals(severity)) {
            throw new IllegalArgumentException("an alert rule's severity must be warning or critical");
        }
    }

    /** Why {@code health} breaks this rule, or empty when it does not. */
    public Optional<String> breach(AdapterInstanceHealth health, long nowMillis) {
        if (health.requests() < Math.max(1, minRequests)) {
            return Optional.empty();
        }
        if (health.errorRate() >= errorRate) {
            return Optional.of(String.format(
                    "error rate %.0f%% over %d calls (threshold %.0f%%)",
                    100 * health.errorRate(), health.requests(), 100 * errorRate));
        }
        if (lastSuccessAge != null && health.errors() > 0) {
            long age = health.lastSuccess() == null
                    ? Long.MAX_VALUE
                    : nowMillis - health.lastSuccess().toEpochMilli();
            if (age >= lastSuccessAge.toMillis()) {
                return Optional.of("errors and no success for " + lastSuccessAge + " or longer");
            }
        }
        return Optional.empty();
    }
}
