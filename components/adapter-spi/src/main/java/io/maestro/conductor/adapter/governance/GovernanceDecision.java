package io.maestro.conductor.adapter.governance;

import io.maestro.conductor.adapter.AdapterErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gate's answer. A deny carries a stable code, human-readable reasons and the decision id under which the
 * decision point logged it. {@code context} names what the deny was about (tenant, policy path, data and instance
 * region, ...) so an error handler or operator sees it without re-asking the decision point; never a secret.
 */
public record GovernanceDecision(
        boolean allowed, AdapterErrorCode code, List<String> reasons, String decisionId, Map<String, String> context) {

    public GovernanceDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        reasons = List.copyOf(reasons);
        context = Map.copyOf(context);
        if (!allowed) {
            Objects.requireNonNull(code, "a deny needs a code");
        }
    }

    public GovernanceDecision(boolean allowed, AdapterErrorCode code, List<String> reasons, String decisionId) {
        this(allowed, code, reasons, decisionId, Map.of());
    }

    public static GovernanceDecision allow(String decisionId) {
        return new GovernanceDecision(true, null, List.of(), decisionId);
    }

    public static GovernanceDecision deny(AdapterErrorCode code, List<String> reasons, String decisionId) {
        return new GovernanceDecision(false, code, reasons, decisionId);
    }

    /** A deny with context; {@code context} values that are null are left out. */
    public static GovernanceDecision deny(
            AdapterErrorCode code, List<String> reasons, String decisionId, Map<String, String> context) {
        Map<String, String> present = new LinkedHashMap<>();
        context.forEach((key, value) -> {
            if (value != null) {
                present.put(key, value);
            }
        });
        return new GovernanceDecision(false, code, reasons, decisionId, present);
    }
}
