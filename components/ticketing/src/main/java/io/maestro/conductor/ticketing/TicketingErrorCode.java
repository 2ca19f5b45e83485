package io.maestro.conductor.ticketing;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.FAILED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.NOT_FOUND;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.THROTTLED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The codes of ticketing calls, beside the SPI's own ({@code SpiErrorCode}). Never rename one. */
public enum TicketingErrorCode implements AdapterErrorCode {
    /** The call lacks its external key or ticket id, or its fields are malformed or too long. */
    TICKETING_REQUEST_INVALID(Spec.of(INVALID)),
    /** The tracker refused the ticket's fields (Redmine 422: e.g. a tracker or status the project lacks). */
    TICKETING_REJECTED(Spec.of(INVALID)),
    /** No ticket has that id or external key (in the instance's project). */
    TICKETING_NOT_FOUND(Spec.of(NOT_FOUND)),
    /** The tracker refused the instance's API key (401). */
    TICKETING_AUTH_FAILED(Spec.instanceFault(REFUSED)),
    /** The API key may not do this (403), or the instance's project does not exist or is not visible to it. */
    TICKETING_FORBIDDEN(Spec.instanceFault(REFUSED)),
    /** The tracker still rate limits (429) after the retries. */
    TICKETING_THROTTLED(Spec.of(THROTTLED)),
    /** The tracker could not be reached or did not answer (or answered 408/502–504), after the retries. */
    TICKETING_UNREACHABLE(Spec.instanceFault(UNREACHABLE)),
    /** The tracker failed (5xx) or answered something that is not its API, after the retries. */
    TICKETING_FAILED(Spec.instanceFault(FAILED));

    private final Spec spec;

    TicketingErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
