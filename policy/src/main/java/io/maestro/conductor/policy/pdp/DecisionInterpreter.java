package io.maestro.conductor.policy.pdp;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads allow/deny, code and reasons out of a policy result, for the three shapes policies use:
 * <ul>
 *   <li>a boolean ({@code residency/allow}): true allows, false denies with {@code POLICY_DENIED};</li>
 *   <li>an object with a boolean {@code allow} ({@code residency/decision}): its {@code code} (a string)
 *       names the deny code, else {@code POLICY_DENIED}; reasons come from {@code reasons} or {@code deny};</li>
 *   <li>a set or array of reasons ({@code residency/deny}): empty allows, anything else denies.</li>
 * </ul>
 * Anything else, and an undefined result, is no decision: {@code POLICY_UNAVAILABLE}.
 */
final class DecisionInterpreter {
    private DecisionInterpreter() {}

    static Decision interpret(String decisionId, String path, Optional<Value> result, Duration duration) {
        if (result.isEmpty()) {
            return Decision.unavailable(
                    decisionId, path, result, "policy " + path + " is undefined for this input", duration);
        }
        Value value = result.get();
        if (value instanceof BooleanValue b) {
            return decided(decisionId, path, result, b.value(), null, List.of(), duration);
        }
        if (value instanceof SetValue s) {
            return decided(decisionId, path, result, s.size() == 0, null, texts(s.elements()), duration);
        }
        if (value instanceof ArrayValue a) {
            return decided(decisionId, path, result, a.size() == 0, null, texts(a.elements()), duration);
        }
        if (value instanceof ObjectValue o && o.get("allow") instanceof BooleanValue allow) {
            String code = o.get("code") instanceof StringValue c && !c.value().isBlank() ? c.value() : null;
            return decided(decisionId, path, result, allow.value(), code, reasons(o), duration);
        }
        return Decision.unavailable(
                decisionId,
                path,
                result,
                "policy " + path + " gave a " + value.typeName() + ", not a decision",
                duration);
    }

    private static Decision decided(
            String decisionId,
            String path,
            Optional<Value> result,
            boolean allowed,
            String code,
            List<String> reasons,
            Duration duration) {
        if (allowed) return new Decision(decisionId, path, result, true, Optional.empty(), List.of(), duration);
        return new Decision(
                decisionId,
                path,
                result,
                false,
                Optional.of(code == null ? Decision.POLICY_DENIED : code),
                reasons,
                duration);
    }

    private static List<String> reasons(ObjectValue decision) {
        Value reasons = decision.get("reasons");
        if (reasons == null) reasons = decision.get("deny");
        if (reasons instanceof SetValue s) return texts(s.elements());
        if (reasons instanceof ArrayValue a) return texts(a.elements());
        if (reasons instanceof StringValue r) return List.of(r.value());
        return List.of();
    }

    private static List<String> texts(Collection<Value> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Value v : values) out.add(v instanceof StringValue s ? s.value() : v.toString());
        return out;
    }
}
