package io.maestro.conductor.adapter.governance;

import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.policy.pdp.Decision;
import io.maestro.conductor.policy.pdp.DecisionRequest;
import io.maestro.conductor.policy.pdp.PolicyDecisionPoint;
import io.maestro.conductor.policy.pdp.RandomIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The governance gate over the policy decision point: each adapter category is governed by one policy path, given
 * by the application's configuration (the hub's {@code conductor.governance.policies.<category>}), asked with
 * {@link GovernanceRequest#toInput()}. A category without a policy is refused with {@code POLICY_UNAVAILABLE}: no
 * decision means no call. Every deny is told to each listener, in order.
 *
 * <p>A deny keeps the decision's code when the SPI knows it ({@code RESIDENCY_MISMATCH}, {@code POLICY_DENIED},
 * {@code POLICY_UNAVAILABLE}); an unknown code from a policy becomes {@code POLICY_DENIED}. Its context names
 * tenant, environment, instance, policy path and both regions.
 */
public final class PolicyGovernanceGate implements GovernanceGate {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyGovernanceGate.class);

    private final PolicyDecisionPoint decisionPoint;
    private final Map<String, String> policyByCategory;
    private final List<GovernanceDenialListener> listeners;

    /**
     * @param policyByCategory policy path per adapter category id, e.g. {@code storage -> residency/decision}
     * @param listeners        told about every deny; none is fine
     */
    public PolicyGovernanceGate(
            PolicyDecisionPoint decisionPoint,
            Map<String, String> policyByCategory,
            List<GovernanceDenialListener> listeners) {
        this.decisionPoint = decisionPoint;
        this.policyByCategory = Map.copyOf(policyByCategory);
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public GovernanceDecision evaluate(GovernanceRequest request) {
        String category = request.adapter().category();
        String policy = policyByCategory.get(category);
        GovernanceDecision answer;
        if (policy == null) {
            answer = GovernanceDecision.deny(
                    SpiErrorCode.POLICY_UNAVAILABLE,
                    List.of("no policy governs adapter category " + category),
                    RandomIds.uuid(),
                    context(request, null));
        } else {
            Decision decision = decisionPoint.decide(DecisionRequest.of(policy, request.toInput()));
            answer = decision.allowed()
                    ? GovernanceDecision.allow(decision.decisionId())
                    : GovernanceDecision.deny(
                            code(decision),
                            decision.reasons(),
                            decision.decisionId(),
                            context(request, decision.path()));
        }
        if (!answer.allowed()) {
            notifyDenied(request, answer);
        }
        return answer;
    }

    private void notifyDenied(GovernanceRequest request, GovernanceDecision answer) {
        for (GovernanceDenialListener listener : listeners) {
            try {
                listener.denied(request, answer);
            } catch (RuntimeException e) {
                // One listener failing neither changes the decision nor keeps the others from hearing of it.
                LOG.error("recording deny {} failed; the call stays denied", answer.decisionId(), e);
            }
        }
    }

    private static AdapterErrorCode code(Decision decision) {
        String code = decision.code().orElse(Decision.POLICY_DENIED);
        if (Decision.RESIDENCY_MISMATCH.equals(code)) {
            return SpiErrorCode.RESIDENCY_MISMATCH;
        }
        if (Decision.POLICY_UNAVAILABLE.equals(code)) {
            return SpiErrorCode.POLICY_UNAVAILABLE;
        }
        return SpiErrorCode.POLICY_DENIED;
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
