package io.maestro.conductor.policy.pdp;

import java.util.List;

/** Bundles that could not be read or compiled; {@link #errors()} lists every problem, OPA-style. */
public final class BundleException extends RuntimeException {
    private final List<String> errors;

    public BundleException(List<String> errors, Throwable cause) {
        super(String.join("\n", errors), cause);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
