package io.maestro.conductor.adapter.tick;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The tick adapter's own codes. */
public enum TickErrorCode implements AdapterErrorCode {
    TICK_REFUSED(Kind.REFUSED),
    TICK_UNREACHABLE(Kind.UNREACHABLE),
    TICK_FAILED(Kind.FAILED);

    private final Kind kind;

    TickErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isInstanceFault() {
        return true;
    }
}
