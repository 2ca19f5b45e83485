package io.maestro.conductor.hub.governance;

import java.util.List;

/**
 * The lifecycle policy refused an action (or no decision could be reached): rendered as a 403 problem with the
 * policy's code, its reasons and the decision id, so an operator can find the decision in the decision log.
 */
public class LifecycleDeniedException extends RuntimeException {

    private final String code;
    private final List<String> reasons;
    private final String decisionId;

    public LifecycleDeniedException(String action, String code, List<String> reasons, String decisionId) {
        super("The lifecycle policy does not allow " + action + ": " + String.join("; ", reasons));
        this.code = code;
        this.reasons = List.copyOf(reasons);
        this.decisionId = decisionId;
    }

    public String code() {
        return code;
    }

    public List<String> reasons() {
        return reasons;
    }

    public String decisionId() {
        return decisionId;
    }
}
