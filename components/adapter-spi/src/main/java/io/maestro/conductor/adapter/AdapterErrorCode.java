package io.maestro.conductor.adapter;

/**
 * Stable error codes of adapter calls. Codes are part of the API (routes match on them, the admin API renders
 * them): never rename one. {@link #isTransient()} tells a route's error handler which failures are worth a retry.
 */
public enum AdapterErrorCode {
    TENANT_REQUIRED(false, false),
    ENVIRONMENT_REQUIRED(false, false),
    NAME_INVALID(false, false),
    OPERATION_INVALID(false, false),
    /** The exchange asks for something malformed (missing body, out-of-range option). */
    REQUEST_INVALID(false, false),
    ADAPTER_NOT_INSTALLED(false, false),
    CONFIG_INVALID(false, true),
    SECRET_NOT_FOUND(false, true),
    POLICY_DENIED(false, false),
    POLICY_UNAVAILABLE(true, true),
    RESIDENCY_MISMATCH(false, false),
    STORAGE_NOT_FOUND(false, false),
    STORAGE_ACCESS_DENIED(false, true),
    STORAGE_UNREACHABLE(true, true),
    STORAGE_BUCKET_MISSING(false, true),
    STORAGE_KEY_INVALID(false, false),
    STORAGE_SIGNING_UNSUPPORTED(false, false),
    STORAGE_FAILED(true, true);

    private final boolean transientFailure;
    private final boolean instanceFault;

    AdapterErrorCode(boolean transientFailure, boolean instanceFault) {
        this.transientFailure = transientFailure;
        this.instanceFault = instanceFault;
    }

    /** True when the same call may succeed later without any change (peer down, decision point down). */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * True when the failure says the instance cannot serve anyone (peer down, credentials refused, bucket gone,
     * config broken), as opposed to one bad request or a policy answer. Drives the adapters' health check.
     */
    public boolean isInstanceFault() {
        return instanceFault;
    }
}
