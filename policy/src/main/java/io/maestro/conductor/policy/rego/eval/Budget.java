package io.maestro.conductor.policy.rego.eval;

import io.maestro.conductor.policy.rego.RegoException;

/**
 * Bounds of one query: evaluation steps, a wall-clock deadline and nesting depth. Exceeding any gives
 * {@code eval_cancel_error}, so a pathological policy fails clearly instead of hanging.
 */
final class Budget {
    static final int MAX_DEPTH = 400;

    private final long maxSteps;
    private final long deadlineNanos;
    private long steps;
    private int depth;

    Budget(long maxSteps, long timeoutNanos) {
        this.maxSteps = maxSteps;
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
    }

    void step() {
        if (++steps > maxSteps) throw cancel("evaluation exceeded " + maxSteps + " steps");
        if ((steps & 255) == 0 && System.nanoTime() - deadlineNanos > 0) throw cancel("evaluation timed out");
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw cancel("evaluation exceeded the maximum nesting depth of " + MAX_DEPTH);
        }
    }

    void leave() {
        depth--;
    }

    static RegoException cancel(String message) {
        return new RegoException(RegoException.CANCEL_ERROR, message, null, 0, 0);
    }
}
