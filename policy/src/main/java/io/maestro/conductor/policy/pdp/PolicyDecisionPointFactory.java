package io.maestro.conductor.policy.pdp;

import org.apache.camel.CamelContext;

/** Builds the decision point the settings ask for. */
public final class PolicyDecisionPointFactory {
    private PolicyDecisionPointFactory() {}

    /**
     * Mode {@code embedded}: an {@link EmbeddedDecisionPoint} watching the bundle directories (a bundle that
     * does not compile at start leaves it deciding {@code POLICY_UNAVAILABLE} until fixed; see its bundle status).
     * Mode {@code opa}: an {@link OpaDecisionPoint} on its own Camel context.
     */
    public static PolicyDecisionPoint create(PolicySettings settings) {
        return create(settings, null);
    }

    /** As {@link #create(PolicySettings)}; mode {@code opa} adds its route to {@code camel} when not null. */
    public static PolicyDecisionPoint create(PolicySettings settings, CamelContext camel) {
        DecisionLog log = new DecisionLog();
        if (OpaDecisionPoint.MODE.equals(settings.mode())) {
            return camel == null
                    ? new OpaDecisionPoint(settings.opa(), log)
                    : new OpaDecisionPoint(camel, settings.opa(), log);
        }
        EmbeddedDecisionPoint embedded = EmbeddedDecisionPoint.empty(log, settings.evalTimeout());
        embedded.watch(settings.bundleDirs(), settings.pollInterval());
        return embedded;
    }
}
