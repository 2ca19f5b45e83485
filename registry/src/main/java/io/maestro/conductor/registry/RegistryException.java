package io.maestro.conductor.registry;

import java.util.List;

/**
 * A refusal with a stable {@link #code()}. Messages name tenants, environments, instances and secret
 * names, never secret values.
 */
public class RegistryException extends RuntimeException {

    private final ErrorCode code;
    private final List<Violation> violations;

    public RegistryException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public RegistryException(ErrorCode code, String message, List<Violation> violations) {
        super(message);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public ErrorCode code() {
        return code;
    }

    /** Every violation found, for {@code CONFIG_INVALID}, {@code SECRET_LITERAL_REJECTED} and {@code SECRET_NOT_FOUND}. */
    public List<Violation> violations() {
        return violations;
    }
}
