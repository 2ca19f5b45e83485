package io.maestro.conductor.policy.pdp;

/**
 * Answers "may this happen?" by evaluating a policy path over an input. Fail-closed: an engine or network
 * failure, a timeout or an undefined result is a deny with code {@link Decision#POLICY_UNAVAILABLE}, never an
 * exception to the caller. Every decision is written to the decision log.
 */
public interface PolicyDecisionPoint extends AutoCloseable {

    Decision decide(DecisionRequest request);

    /** {@code embedded} or {@code opa}; also the {@code labels.mode} of its decision-log entries. */
    String mode();

    @Override
    default void close() {}
}
