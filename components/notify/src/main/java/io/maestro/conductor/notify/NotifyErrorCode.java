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
    NOTIFY_REQUEST_INVALID(INVALID, false),
    /** The mail server refused the instance's login. */
    NOTIFY_AUTH_FAILED(REFUSED, true),
    /** The webhook receiver refused the delivery (a 4xx other than 408/429, or a redirect, which is not followed). */
    NOTIFY_REJECTED(REFUSED, false),
    /** The receiver still rate limits (429) after the retries. */
    NOTIFY_THROTTLED(THROTTLED, false),
    /** The mail server or receiver could not be reached or did not answer, after the retries. */
    NOTIFY_UNREACHABLE(UNREACHABLE, true),
    /** The mail server or receiver failed (5xx), after the retries. */
    NOTIFY_FAILED(FAILED, true);

    private final Kind kind;
    private final boolean instanceFault;

    NotifyErrorCode(Kind kind, boolean instanceFault) {
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
