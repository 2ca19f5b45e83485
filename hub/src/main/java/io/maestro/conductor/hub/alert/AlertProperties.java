package io.maestro.conductor.hub.alert;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Adapter alerting ({@code conductor.alerts.*}): how often the {@code adapter-alerts} route evaluates, how long
 * resolved alerts stay listed, and one rule per adapter category ({@code rules.<category id>}, with
 * {@code rules.default} for categories without their own; a category with neither never alerts).
 */
@ConfigurationProperties("conductor.alerts")
public record AlertProperties(
        @DefaultValue("15s") Duration interval,
        @DefaultValue("24h") Duration resolvedRetention,
        Map<String, AlertRule> rules) {

    public static final String DEFAULT_RULE = "default";

    public AlertProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("conductor.alerts.interval must be positive");
        }
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    public Optional<AlertRule> ruleFor(String category) {
        return Optional.ofNullable(rules.getOrDefault(category, rules.get(DEFAULT_RULE)));
    }
}
