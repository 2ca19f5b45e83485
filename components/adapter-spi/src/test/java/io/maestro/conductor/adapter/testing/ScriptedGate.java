package io.maestro.conductor.adapter.testing;

import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.governance.GovernanceGate;
import io.maestro.conductor.adapter.governance.GovernanceRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** FOR TESTS ONLY: answers with a function of the request and remembers every request it was asked. */
public final class ScriptedGate implements GovernanceGate {

    private final Function<GovernanceRequest, GovernanceDecision> answer;
    private final List<GovernanceRequest> requests = new CopyOnWriteArrayList<>();

    public ScriptedGate(Function<GovernanceRequest, GovernanceDecision> answer) {
        this.answer = answer;
    }

    @Override
    public GovernanceDecision evaluate(GovernanceRequest request) {
        requests.add(request);
        return answer.apply(request);
    }

    public List<GovernanceRequest> requests() {
        return requests;
    }
}
