package io.maestro.conductor.policy.pdp;

import io.maestro.conductor.policy.rego.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one policy query.
 *
 * @param decisionId the id under which the decision log holds it (the remote OPA's id in mode {@code opa})
 * @param path       the policy path, slash form
 * @param result     the policy's raw result; empty when undefined or when evaluation failed
 * @param allowed    the allow/deny view of the result (see {@link DecisionInterpreter})
 * @param code       empty when allowed; otherwise {@link #POLICY_DENIED}, {@link #POLICY_UNAVAILABLE} or the
 *                   code the policy named (e.g. {@link #RESIDENCY_MISMATCH})
 * @param reasons    why it was denied (the policy's {@code reasons} or {@code deny}), or why no decision was
 *                   reached; empty when allowed
 * @param duration   time spent reaching it
 */
public record Decision(
        String decisionId,
        String path,
        Optional<Value> result,
        boolean allowed,
        Optional<String> code,
        List<String> reasons,
        Duration duration) {
    public static final String POLICY_DENIED = "POLICY_DENIED";
    public static final String POLICY_UNAVAILABLE = "POLICY_UNAVAILABLE";
    public static final String RESIDENCY_MISMATCH = "RESIDENCY_MISMATCH";

    public Decision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(duration, "duration");
        reasons = List.copyOf(reasons);
        if (allowed == code.isPresent()) throw new IllegalArgumentException("a deny needs a code and an allow none");
    }

    /** No decision could be reached: a fail-closed deny. */
    static Decision unavailable(String decisionId, String path, Optional<Value> result, String why, Duration duration) {
        return new Decision(decisionId, path, result, false, Optional.of(POLICY_UNAVAILABLE), List.of(why), duration);
    }

    public boolean denied() {
        return !allowed;
    }

    /** True when the deny came from a failure to decide rather than from the policy. */
    public boolean unavailable() {
        return code.filter(POLICY_UNAVAILABLE::equals).isPresent();
    }
}
