package io.maestro.conductor.notify;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.FAILED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.THROTTLED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The codes of notify calls, beside the SPI's own ({@code SpiErrorCode}). Never rename one. */
public enum NotifyErrorCode implements AdapterErrorCode {
    /** The call lacks its event, names an unknown template or variable, or a recipient or subject is malformed. */
    NOTIFY_REQUEST_INVALID(Spec.of(INVALID)),
    /** The mail server refused the instance's login. */
    NOTIFY_AUTH_FAILED(Spec.instanceFault(REFUSED)),
    /** The webhook receiver refused the delivery (a 4xx other than 408/429, or a redirect, which is not followed). */
    NOTIFY_REJECTED(Spec.of(REFUSED)),
    /** The receiver still rate limits (429) after the retries. */
    NOTIFY_THROTTLED(Spec.of(THROTTLED)),
    /** The mail server or receiver could not be reached or did not answer, after the retries. */
    NOTIFY_UNREACHABLE(Spec.instanceFault(UNREACHABLE)),
    /** The mail server or receiver failed (5xx), after the retries. */
    NOTIFY_FAILED(Spec.instanceFault(FAILED));

    private final Spec spec;

    NotifyErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
