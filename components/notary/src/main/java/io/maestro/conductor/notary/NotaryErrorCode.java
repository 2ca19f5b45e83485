package io.maestro.conductor.notary;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.FAILED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.THROTTLED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The codes of notary calls, beside the SPI's own ({@code SpiErrorCode}). Never rename one. */
public enum NotaryErrorCode implements AdapterErrorCode {
    /** Nothing to sign or timestamp (an empty body), or more than the notary takes. */
    NOTARY_REQUEST_INVALID(Spec.of(INVALID)),
    /** The tenant's signing key secret is too short to be a key (fewer than 32 characters). */
    NOTARY_KEY_INVALID(Spec.instanceFault(INVALID)),
    /** The TSA refused the instance's credentials (401/403). */
    NOTARY_TSA_REFUSED(Spec.instanceFault(REFUSED)),
    /** The TSA rate limits the instance (429). */
    NOTARY_TSA_THROTTLED(Spec.of(THROTTLED)),
    /** The TSA could not be reached or did not answer in time. */
    NOTARY_TSA_UNREACHABLE(Spec.instanceFault(UNREACHABLE)),
    /**
     * The TSA failed (5xx), rejected the request, or answered with a token that does not match the request, is not
     * validly signed, or does not chain to the instance's pinned TSA certificate.
     */
    NOTARY_TSA_FAILED(Spec.instanceFault(FAILED));

    private final Spec spec;

    NotaryErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
