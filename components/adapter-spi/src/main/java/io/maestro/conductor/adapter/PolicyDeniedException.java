package io.maestro.conductor.adapter;

import java.util.List;

import io.maestro.conductor.adapter.governance.GovernanceDecision;

/**
 * The governance gate refused an adapter call. Raised before the backend is touched, so the route's error handler
 * sees it and nothing was sent. {@link #code()} is the decision's code ({@code POLICY_DENIED},
 * {@code RESIDENCY_MISMATCH}, {@code POLICY_UNAVAILABLE}, ...).
 */
public class PolicyDeniedException extends AdapterException {

    private final List<String> reasons;
    private final String decisionId;

    public PolicyDeniedException(String instanceId, GovernanceDecision decision) {
        super(decision.code(), instanceId,
                "denied by decision " + decision.decisionId() + ": " + String.join("; ", decision.reasons()));
        this.reasons = decision.reasons();
        this.decisionId = decision.decisionId();
    }

    public List<String> reasons() {
        return reasons;
    }

    public String decisionId() {
        return decisionId;
    }
}
