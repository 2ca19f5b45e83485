package io.maestro.conductor.adapter;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.NOT_FOUND;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

/** The codes every adapter shares: raised by the SPI itself (resolution, secrets, governance, requests). */
public enum SpiErrorCode implements AdapterErrorCode {
    TENANT_REQUIRED(INVALID, false),
    ENVIRONMENT_REQUIRED(INVALID, false),
    NAME_INVALID(INVALID, false),
    OPERATION_INVALID(INVALID, false),
    /** The exchange asks for something malformed (missing body, out-of-range option). */
    REQUEST_INVALID(INVALID, false),
    ADAPTER_NOT_INSTALLED(NOT_FOUND, false),
    CONFIG_INVALID(INVALID, true),
    SECRET_NOT_FOUND(NOT_FOUND, true),
    POLICY_DENIED(REFUSED, false),
    POLICY_UNAVAILABLE(UNREACHABLE, true),
    RESIDENCY_MISMATCH(REFUSED, false);

    private final Kind kind;
    private final boolean instanceFault;

    SpiErrorCode(Kind kind, boolean instanceFault) {
        this.kind = kind;
        this.instanceFault = instanceFault;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isInstanceFault() {
        return instanceFault;
    }
}
