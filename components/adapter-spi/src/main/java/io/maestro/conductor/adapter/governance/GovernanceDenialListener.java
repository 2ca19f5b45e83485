package io.maestro.conductor.adapter.governance;

/**
 * Told about every deny the {@link PolicyGovernanceGate} gives, after the decision and before the adapter raises
 * it. The hub records residency denials (log line, metric, audit list) through one. A listener that fails does
 * not change the decision.
 */
@FunctionalInterface
public interface GovernanceDenialListener {

    GovernanceDenialListener NONE = (request, decision) -> { };

    void denied(GovernanceRequest request, GovernanceDecision decision);
}
