package io.maestro.conductor.adapter.governance;

/**
 * Told about every deny the {@link PolicyGovernanceGate} gives, after the decision and before the adapter raises
 * it. The gate takes any number; the hub records residency denials (log line, metric, audit list) through one.
 * A listener that fails does not change the decision.
 */
@FunctionalInterface
public interface GovernanceDenialListener {

    void denied(GovernanceRequest request, GovernanceDecision decision);
}
