package io.maestro.conductor.adapter.governance;

/**
 * "May this adapter call proceed?" Every adapter producer asks before it touches its backend; no route has to add
 * the check. The hub backs this with the policy decision point. There is deliberately no default: an adapter
 * component refuses to start without a gate.
 *
 * <p>An implementation that cannot reach a decision returns a deny with code {@code POLICY_UNAVAILABLE} (or
 * throws, which the adapter treats the same way): no decision means no call.
 */
@FunctionalInterface
public interface GovernanceGate {

    GovernanceDecision evaluate(GovernanceRequest request);
}
