package io.maestro.conductor.policy.simulate;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a policy answered in a simulation, in the decision shape ({@code allow}, {@code code}, {@code reasons},
 * {@code requires_approval}); {@code error} instead when it gave no decision (undefined, not a decision object,
 * failed, or ran out of time or steps).
 */
public record SimulatedDecision(
        boolean allow, String code, List<String> reasons, Boolean requiresApproval, String error) {

    public SimulatedDecision {
        reasons = List.copyOf(reasons);
    }

    static SimulatedDecision failed(String error) {
        return new SimulatedDecision(false, null, List.of(), null, error);
    }

    static SimulatedDecision of(Optional<Value> result) {
        if (result.isEmpty()) return failed("undefined");
        if (!(result.get() instanceof ObjectValue decision) || !(decision.get("allow") instanceof BooleanValue allow)) {
            return failed("not a decision: " + result.get());
        }
        String code = decision.get("code") instanceof StringValue c ? c.value() : null;
        List<String> reasons = new ArrayList<>();
        if (decision.get("reasons") instanceof ArrayValue list) {
            list.elements().forEach(r -> reasons.add(r instanceof StringValue s ? s.value() : r.toString()));
        }
        Boolean approval = decision.get("requires_approval") instanceof BooleanValue b ? b.value() : null;
        return new SimulatedDecision(allow.value(), code, reasons, approval, null);
    }

    /** Whether it is the expected decision ({@code requires_approval} only when the scenario states it). */
    public boolean matches(Scenario.Expected expected) {
        return error == null
                && allow == expected.allow()
                && java.util.Objects.equals(code, expected.code())
                && reasons.equals(expected.reasons())
                && (expected.requiresApproval() == null
                        || expected.requiresApproval().equals(requiresApproval));
    }

    /** Whether allow or code differ from another decision: a flip. */
    public boolean flipsFrom(boolean allowedBefore, String codeBefore) {
        return error != null || allow != allowedBefore || !java.util.Objects.equals(code, codeBefore);
    }

    public String summary() {
        if (error != null) return "no decision (" + error + ")";
        return "allow=" + allow + " code=" + code + " reasons=" + reasons
                + (requiresApproval == null ? "" : " requires_approval=" + requiresApproval);
    }
}
