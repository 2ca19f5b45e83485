package io.maestro.conductor.eventbus;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.FAILED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The codes of {@code eventbus:} calls, beside the SPI's own ({@code SpiErrorCode}). */
public enum EventbusErrorCode implements AdapterErrorCode {
    /** A topic name outside the grammar (wildcards, empty or escaping segments, upper case, too long). */
    EVENTBUS_TOPIC_INVALID(INVALID, false),
    /** A message larger than the instance allows (maxMessageBytes). */
    EVENTBUS_MESSAGE_TOO_LARGE(INVALID, false),
    /** The broker refused the instance's credentials or its rights. */
    EVENTBUS_REFUSED(REFUSED, true),
    /** The broker could not be reached in time. */
    EVENTBUS_UNREACHABLE(UNREACHABLE, true),
    /** Anything else the broker or client failed with. */
    EVENTBUS_FAILED(FAILED, true);

    private final Kind kind;
    private final boolean instanceFault;

    EventbusErrorCode(Kind kind, boolean instanceFault) {
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
