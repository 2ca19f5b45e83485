package io.maestro.conductor.registry.secret;

/**
 * A decrypted secret. {@link #toString()} never shows it; call {@link #reveal()} only where the value
 * leaves for the service that needs it.
 */
public final class SecretValue {

    private final String value;

    SecretValue(String value) {
        this.value = value;
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "SecretValue[****]";
    }
}
