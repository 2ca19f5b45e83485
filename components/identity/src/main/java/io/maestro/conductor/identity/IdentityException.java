package io.maestro.conductor.identity;

import java.util.Objects;

/**
 * An identity call failed with a stable {@link IdentityErrorCode}. The message is built from safe parts only: never
 * a token, a client secret or a bearer credential. The backends do not know which adapter instance they serve; the
 * component turns this into an {@code AdapterException} naming it, with {@link #detail()}.
 */
public class IdentityException extends RuntimeException {

    private final IdentityErrorCode code;
    private final String detail;

    public IdentityException(IdentityErrorCode code, String detail) {
        this(code, detail, null);
    }

    /** @param cause kept for the stack trace; only causes whose messages hold no secrets */
    public IdentityException(IdentityErrorCode code, String detail, Throwable cause) {
        super(code.name() + ": " + detail, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }

    public IdentityErrorCode code() {
        return code;
    }

    public boolean isTransient() {
        return code.isTransient();
    }
}
