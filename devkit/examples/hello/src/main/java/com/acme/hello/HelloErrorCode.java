package com.acme.hello;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The hello adapter's own codes. */
public enum HelloErrorCode implements AdapterErrorCode {
    HELLO_REFUSED(Spec.instanceFault(Kind.REFUSED)),
    HELLO_UNREACHABLE(Spec.instanceFault(Kind.UNREACHABLE)),
    HELLO_FAILED(Spec.instanceFault(Kind.FAILED));

    private final Spec spec;

    HelloErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
