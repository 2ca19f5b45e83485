package io.maestro.conductor.adapter;

/**
 * Stable error codes of adapter calls. Codes are part of the API (routes match on them, the admin API renders
 * them): never rename one. {@link #isTransient()} tells a route's error handler which failures are worth a retry.
 */
public enum AdapterErrorCode {
    TENANT_REQUIRED(false),
    ENVIRONMENT_REQUIRED(false),
    NAME_INVALID(false),
    OPERATION_INVALID(false),
    /** The exchange asks for something malformed (missing body, out-of-range option). */
    REQUEST_INVALID(false),
    ADAPTER_NOT_INSTALLED(false),
    CONFIG_INVALID(false),
    SECRET_NOT_FOUND(false),
    POLICY_DENIED(false),
    POLICY_UNAVAILABLE(true),
    RESIDENCY_MISMATCH(false),
    STORAGE_NOT_FOUND(false),
    STORAGE_ACCESS_DENIED(false),
    STORAGE_UNREACHABLE(true),
    STORAGE_BUCKET_MISSING(false),
    STORAGE_KEY_INVALID(false),
    STORAGE_SIGNING_UNSUPPORTED(false),
    STORAGE_FAILED(true);

    private final boolean transientFailure;

    AdapterErrorCode(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** True when the same call may succeed later without any change (peer down, decision point down). */
    public boolean isTransient() {
        return transientFailure;
    }
}
