package io.maestro.conductor.adapter.secret;

import java.util.Objects;

/**
 * A resolved secret value. {@link #toString()} never shows it, so a secret that slips into a log line or an
 * exception message prints as {@code ****}. Call {@link #reveal()} only where the value leaves for the client
 * library that needs it.
 */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
