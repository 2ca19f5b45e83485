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
    NOTARY_REQUEST_INVALID(INVALID, false),
    /** The tenant's signing key secret is too short to be a key (fewer than 32 characters). */
    NOTARY_KEY_INVALID(INVALID, true),
    /** The TSA refused the instance's credentials (401/403). */
    NOTARY_TSA_REFUSED(REFUSED, true),
    /** The TSA rate limits the instance (429). */
    NOTARY_TSA_THROTTLED(THROTTLED, false),
    /** The TSA could not be reached or did not answer in time. */
    NOTARY_TSA_UNREACHABLE(UNREACHABLE, true),
    /**
     * The TSA failed (5xx), rejected the request, or answered with a token that does not match the request, is not
     * validly signed, or does not chain to the instance's pinned TSA certificate.
     */
    NOTARY_TSA_FAILED(FAILED, true);

    private final Kind kind;
    private final boolean instanceFault;

    NotaryErrorCode(Kind kind, boolean instanceFault) {
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
