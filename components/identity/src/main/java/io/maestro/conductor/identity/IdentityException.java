package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.AdapterException;

/**
 * An identity call failed with a stable {@link IdentityErrorCode}. The message is built from safe parts only: never
 * a token, a client secret or a bearer credential. The OIDC and SCIM classes do not know which adapter instance they
 * serve (instance id null); the {@code identity:} component names it with {@link #forInstance(String)}.
 */
public class IdentityException extends AdapterException {

    private final String detail;

    public IdentityException(IdentityErrorCode code, String detail) {
        this(code, detail, null);
    }

    /** @param cause kept for the stack trace; only causes whose messages hold no secrets */
    public IdentityException(IdentityErrorCode code, String detail, Throwable cause) {
        this(code, null, detail, cause);
    }

    private IdentityException(IdentityErrorCode code, String instanceId, String detail, Throwable cause) {
        super(code, instanceId, detail, cause);
        this.detail = detail;
    }

    /** The same failure naming the adapter instance ({@code tenant/environment/instance}) it happened on. */
    public IdentityException forInstance(String instanceId) {
        return new IdentityException(code(), instanceId, detail, this);
    }

    public String detail() {
        return detail;
    }

    @Override
    public IdentityErrorCode code() {
        return (IdentityErrorCode) super.code();
    }
}
