package com.acme.hello;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The hello adapter's own codes. */
public enum HelloErrorCode implements AdapterErrorCode {
    HELLO_REFUSED(Kind.REFUSED),
    HELLO_UNREACHABLE(Kind.UNREACHABLE),
    HELLO_FAILED(Kind.FAILED);

    private final Kind kind;

    HelloErrorCode(Kind kind) {
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
