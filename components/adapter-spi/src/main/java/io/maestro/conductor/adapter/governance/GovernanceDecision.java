package io.maestro.conductor.adapter.governance;

import java.util.List;
import java.util.Objects;

import io.maestro.conductor.adapter.AdapterErrorCode;

/**
 * The gate's answer. A deny carries a stable code, human-readable reasons and the decision id under which the
 * decision point logged it.
 */
public record GovernanceDecision(boolean allowed, AdapterErrorCode code, List<String> reasons, String decisionId) {

    public GovernanceDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        reasons = List.copyOf(reasons);
        if (!allowed) {
            Objects.requireNonNull(code, "a deny needs a code");
        }
    }

    public static GovernanceDecision allow(String decisionId) {
        return new GovernanceDecision(true, null, List.of(), decisionId);
    }

    public static GovernanceDecision deny(AdapterErrorCode code, List<String> reasons, String decisionId) {
        return new GovernanceDecision(false, code, reasons, decisionId);
    }
}
