package io.maestro.conductor.identity;

import java.util.Objects;

/**
 * An identity call failed with a stable {@link IdentityErrorCode}. The message is built from safe parts only: never
 * a token, a client secret or a bearer credential.
 */
public class IdentityException extends RuntimeException {

    private final IdentityErrorCode code;

    public IdentityException(IdentityErrorCode code, String detail) {
        this(code, detail, null);
    }

    /** @param cause kept for the stack trace; only causes whose messages hold no secrets */
    public IdentityException(IdentityErrorCode code, String detail, Throwable cause) {
        super(code.name() + ": " + detail, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public IdentityErrorCode code() {
        return code;
    }

    public boolean isTransient() {
        return code.isTransient();
    }
}
