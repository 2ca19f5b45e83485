package io.maestro.conductor.policy.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One stored case of a simulation suite: a decision input and the decision a policy must give for it.
 *
 * @param suite  the file it came from, relative to the suite directory
 * @param path   the policy path to ask, e.g. {@code governance/lifecycle/decision}
 * @param expect the decision: {@code allow}, {@code code} (null when allowed), every reason in order, and
 *               {@code requires_approval} when the suite states it
 */
public record Scenario(String suite, String name, String path, JsonNode input, Expected expect) {

    public record Expected(boolean allow, String code, List<String> reasons, Boolean requiresApproval) {
        public Expected {
            reasons = List.copyOf(reasons);
        }
    }

    /** How mismatch lines name it: {@code file: name}. */
    public String label() {
        return suite + ": " + name;
    }
}
