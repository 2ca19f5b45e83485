package io.maestro.conductor.adapter;

import io.maestro.conductor.adapter.governance.GovernanceDecision;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The governance gate refused an adapter call. Raised before the backend is touched, so the route's error handler
 * sees it and nothing was sent. {@link #code()} is the decision's code ({@code POLICY_DENIED},
 * {@code RESIDENCY_MISMATCH}, {@code POLICY_UNAVAILABLE}, ...).
 */
public class PolicyDeniedException extends AdapterException {

    private final List<String> reasons;
    private final String decisionId;
    private final Map<String, String> context;

    public PolicyDeniedException(String instanceId, GovernanceDecision decision) {
        super(
                decision.code(),
                instanceId,
                "denied by decision " + decision.decisionId() + contextText(decision) + ": "
                        + String.join("; ", decision.reasons()));
        this.reasons = decision.reasons();
        this.decisionId = decision.decisionId();
        this.context = decision.context();
    }

    /** What the deny was about, e.g. {@code tenant}, {@code policy}, {@code dataRegion}, {@code instanceRegion}. */
    public Map<String, String> context() {
        return context;
    }

    private static String contextText(GovernanceDecision decision) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(decision.context())
                .forEach(
                        (key, value) -> text.append(' ').append(key).append('=').append(value));
        return text.toString();
    }

    public List<String> reasons() {
        return reasons;
    }

    public String decisionId() {
        return decisionId;
    }
}
