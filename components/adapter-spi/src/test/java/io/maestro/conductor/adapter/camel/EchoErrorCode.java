package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The echo adapter's own codes: a category extends the SPI's codes without touching them. */
enum EchoErrorCode implements AdapterErrorCode {
    ECHO_UNREACHABLE(Kind.UNREACHABLE),
    ECHO_REFUSED(Kind.REFUSED);

    private final Kind kind;

    EchoErrorCode(Kind kind) {
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
