package io.maestro.conductor.registry;

/**
 * Stable error codes of the registry. {@link Kind} says what sort of failure it is, so an API can map
 * codes to a status (not found, invalid input, conflict) without listing every code.
 */
public enum ErrorCode {
    TENANT_NOT_FOUND(Kind.NOT_FOUND),
    ENVIRONMENT_NOT_FOUND(Kind.NOT_FOUND),
    DEFINITION_NOT_FOUND(Kind.NOT_FOUND),
    ADAPTER_NOT_INSTALLED(Kind.NOT_FOUND),
    SECRET_NOT_FOUND(Kind.NOT_FOUND),
    ADAPTER_ALREADY_INSTALLED(Kind.CONFLICT),
    CONFIG_VERSION_CONFLICT(Kind.CONFLICT),
    CONFIG_INVALID(Kind.INVALID),
    SECRET_LITERAL_REJECTED(Kind.INVALID),
    REGION_NOT_SUPPORTED(Kind.INVALID),
    NAME_INVALID(Kind.INVALID),
    WORKFLOW_INVALID(Kind.INVALID),
    TENANT_CONFIG_INVALID(Kind.INVALID),
    SECRET_SOURCE_MISSING(Kind.INVALID),
    SECRET_VALUE_TOO_LARGE(Kind.INVALID),
    CHANGE_REQUEST_NOT_FOUND(Kind.NOT_FOUND),
    CHANGE_REQUEST_NOT_PENDING(Kind.CONFLICT),
    CHANGE_REQUEST_EXPIRED(Kind.CONFLICT),
    CHANGE_REQUEST_STALE(Kind.CONFLICT),
    /** The requester of a change tried to approve or reject it: dual control needs a second person. */
    SELF_APPROVAL(Kind.FORBIDDEN);

    /** The sort of failure, for mapping to a protocol status. */
    public enum Kind {
        NOT_FOUND,
        INVALID,
        CONFLICT,
        FORBIDDEN
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
