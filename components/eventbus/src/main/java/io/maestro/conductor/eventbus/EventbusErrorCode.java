package io.maestro.conductor.eventbus;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.FAILED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The codes of {@code eventbus:} calls, beside the SPI's own ({@code SpiErrorCode}). */
public enum EventbusErrorCode implements AdapterErrorCode {
    /** A topic name outside the grammar (wildcards, empty or escaping segments, upper case, too long). */
    EVENTBUS_TOPIC_INVALID(Spec.of(INVALID)),
    /** A message larger than the instance allows (maxMessageBytes). */
    EVENTBUS_MESSAGE_TOO_LARGE(Spec.of(INVALID)),
    /** The broker refused the instance's credentials or its rights. */
    EVENTBUS_REFUSED(Spec.instanceFault(REFUSED)),
    /** The broker could not be reached in time. */
    EVENTBUS_UNREACHABLE(Spec.instanceFault(UNREACHABLE)),
    /** Anything else the broker or client failed with. */
    EVENTBUS_FAILED(Spec.instanceFault(FAILED));

    private final Spec spec;

    EventbusErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
