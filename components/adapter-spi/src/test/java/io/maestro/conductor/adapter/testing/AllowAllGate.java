package io.maestro.conductor.adapter.testing;

import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceGate;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FOR TESTS AND BENCHMARKS ONLY: allows every call. Shipped in the test-jar so it can never be a production
 * default; a component without a real gate bound refuses to start.
 */
public final class AllowAllGate implements GovernanceGate {

    private final AtomicLong decisions = new AtomicLong();

    @Override
    public GovernanceDecision evaluate(GovernanceRequest request) {
        return GovernanceDecision.allow("test-allow-" + decisions.incrementAndGet());
    }

    public long decisionsMade() {
        return decisions.get();
    }
}
