package io.maestro.conductor.adapter.tick;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The tick adapter's own codes. */
public enum TickErrorCode implements AdapterErrorCode {
    TICK_REFUSED(Spec.instanceFault(Kind.REFUSED)),
    TICK_UNREACHABLE(Spec.instanceFault(Kind.UNREACHABLE)),
    TICK_FAILED(Spec.instanceFault(Kind.FAILED));

    private final Spec spec;

    TickErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
