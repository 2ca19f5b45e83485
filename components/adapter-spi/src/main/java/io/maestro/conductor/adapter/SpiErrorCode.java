package io.maestro.conductor.adapter;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.NOT_FOUND;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

/** The codes every adapter shares: raised by the SPI itself (resolution, secrets, governance, requests). */
public enum SpiErrorCode implements AdapterErrorCode {
    TENANT_REQUIRED(Spec.of(INVALID)),
    ENVIRONMENT_REQUIRED(Spec.of(INVALID)),
    NAME_INVALID(Spec.of(INVALID)),
    OPERATION_INVALID(Spec.of(INVALID)),
    /** The exchange asks for something malformed (missing body, out-of-range option). */
    REQUEST_INVALID(Spec.of(INVALID)),
    ADAPTER_NOT_INSTALLED(Spec.of(NOT_FOUND)),
    CONFIG_INVALID(Spec.instanceFault(INVALID)),
    SECRET_NOT_FOUND(Spec.instanceFault(NOT_FOUND)),
    POLICY_DENIED(Spec.of(REFUSED)),
    POLICY_UNAVAILABLE(Spec.instanceFault(UNREACHABLE)),
    RESIDENCY_MISMATCH(Spec.of(REFUSED));

    private final Spec spec;

    SpiErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
