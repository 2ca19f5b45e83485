package io.maestro.conductor.policy.rego;

import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import java.time.Duration;

/**
 * How one query runs: the builtin context (clock, env, print sink), its bounds (evaluation steps and
 * wall-clock time, beyond which it fails with {@code eval_cancel_error}), and whether builtin errors are
 * errors ({@code strict}) or make the expression undefined (OPA's default).
 */
public record QueryOptions(BuiltinContext context, long maxSteps, Duration timeout, boolean strictBuiltinErrors) {
    public static final long DEFAULT_MAX_STEPS = 1_000_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public QueryOptions {
        if (context == null) throw new IllegalArgumentException("context is required");
        if (maxSteps <= 0) throw new IllegalArgumentException("maxSteps must be positive");
        if (timeout == null || timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("timeout must be positive");
    }

    public static QueryOptions defaults() {
        return new QueryOptions(BuiltinContext.now(), DEFAULT_MAX_STEPS, DEFAULT_TIMEOUT, false);
    }

    public QueryOptions withStrictBuiltinErrors(boolean strict) {
        return new QueryOptions(context, maxSteps, timeout, strict);
    }

    public QueryOptions withContext(BuiltinContext newContext) {
        return new QueryOptions(newContext, maxSteps, timeout, strictBuiltinErrors);
    }
}
