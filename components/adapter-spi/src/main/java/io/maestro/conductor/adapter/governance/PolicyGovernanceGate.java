package io.maestro.conductor.adapter.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.policy.pdp.Decision;
import io.maestro.conductor.policy.pdp.DecisionRequest;
import io.maestro.conductor.policy.pdp.PolicyDecisionPoint;
import io.maestro.conductor.policy.pdp.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The governance gate over the policy decision point: each adapter category is governed by one policy path
 * (storage by {@value #RESIDENCY_POLICY}), asked with {@link GovernanceRequest#toInput()}. A category without a
 * policy is refused with {@code POLICY_UNAVAILABLE}: no decision means no call.
 *
 * <p>A deny keeps the decision's code when the SPI knows it ({@code RESIDENCY_MISMATCH}, {@code POLICY_DENIED},
 * {@code POLICY_UNAVAILABLE}); an unknown code from a policy becomes {@code POLICY_DENIED}. Its context names
 * tenant, environment, instance, policy path and both regions.
 */
public final class PolicyGovernanceGate implements GovernanceGate {

    public static final String RESIDENCY_POLICY = "residency/decision";
    /** Policy paths by category, as the hub ships them. */
    public static final Map<String, String> DEFAULT_POLICIES = Map.of("storage", RESIDENCY_POLICY);

    private static final Logger LOG = LoggerFactory.getLogger(PolicyGovernanceGate.class);

    private final PolicyDecisionPoint decisionPoint;
    private final Map<String, String> policyByCategory;
    private final GovernanceDenialListener denials;

    public PolicyGovernanceGate(PolicyDecisionPoint decisionPoint, Map<String, String> policyByCategory,
                                GovernanceDenialListener denials) {
        this.decisionPoint = decisionPoint;
        this.policyByCategory = Map.copyOf(policyByCategory);
        this.denials = denials;
    }

    @Override
    public GovernanceDecision evaluate(GovernanceRequest request) {
        String category = request.adapter().category();
        String policy = policyByCategory.get(category);
        GovernanceDecision answer;
        if (policy == null) {
            answer = GovernanceDecision.deny(AdapterErrorCode.POLICY_UNAVAILABLE,
                    List.of("no policy governs adapter category " + category), RandomIds.uuid(),
                    context(request, null));
        } else {
            Decision decision = decisionPoint.decide(DecisionRequest.of(policy, request.toInput()));
            answer = decision.allowed() ? GovernanceDecision.allow(decision.decisionId())
                    : GovernanceDecision.deny(code(decision), decision.reasons(), decision.decisionId(),
                            context(request, decision.path()));
        }
        if (!answer.allowed()) {
            notifyDenied(request, answer);
        }
        return answer;
    }

    private void notifyDenied(GovernanceRequest request, GovernanceDecision answer) {
        try {
            denials.denied(request, answer);
        } catch (RuntimeException e) {
            LOG.error("recording deny {} failed; the call stays denied", answer.decisionId(), e);
        }
    }

    private static AdapterErrorCode code(Decision decision) {
        String code = decision.code().orElse(Decision.POLICY_DENIED);
        if (Decision.RESIDENCY_MISMATCH.equals(code)) {
            return AdapterErrorCode.RESIDENCY_MISMATCH;
        }
        if (Decision.POLICY_UNAVAILABLE.equals(code)) {
            return AdapterErrorCode.POLICY_UNAVAILABLE;
        }
        return AdapterErrorCode.POLICY_DENIED;
    }

    private static Map<String, String> context(GovernanceRequest request, String policy) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("tenant", request.tenant());
        context.put("environment", request.environment());
        context.put("instance", request.adapter().instance());
        context.put("action", request.action());
        context.put("policy", policy);
        context.put("dataRegion", request.data().region());
        context.put("instanceRegion", request.adapter().region());
        return context;
    }
}
