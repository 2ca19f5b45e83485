package io.maestro.conductor.payments;

import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.CONFLICT;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.FAILED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.INVALID;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.NOT_FOUND;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.REFUSED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.THROTTLED;
import static io.maestro.conductor.adapter.AdapterErrorCode.Kind.UNREACHABLE;

import io.maestro.conductor.adapter.AdapterErrorCode;

/** The codes of payments calls, beside the SPI's own ({@code SpiErrorCode}). Never rename one. */
public enum PaymentsErrorCode implements AdapterErrorCode {
    /** Stripe refused the parameters ({@code invalid_request_error}), or the call lacks what it needs. */
    PAYMENTS_REQUEST_INVALID(Spec.of(INVALID)),
    /** Stripe has no such object ({@code resource_missing}), or it belongs to another tenant. */
    PAYMENTS_NOT_FOUND(Spec.of(NOT_FOUND)),
    /** The same idempotency key was used with other parameters ({@code idempotency_error}). */
    PAYMENTS_IDEMPOTENCY_CONFLICT(Spec.of(CONFLICT)),
    /** Stripe already holds a meter event with this identifier: the usage was recorded before. */
    PAYMENTS_DUPLICATE(Spec.of(CONFLICT)),
    /** A card was declined ({@code card_error}). */
    PAYMENTS_CARD_DECLINED(Spec.of(REFUSED)),
    /** The API key was refused (401) or lacks the permission (403). */
    PAYMENTS_AUTH_FAILED(Spec.instanceFault(REFUSED)),
    /** Still rate limited (429) after the retries. */
    PAYMENTS_RATE_LIMITED(Spec.of(THROTTLED)),
    /** Stripe could not be reached or did not answer, after the retries. */
    PAYMENTS_UNREACHABLE(Spec.instanceFault(UNREACHABLE)),
    /** Stripe failed (5xx) after the retries. */
    PAYMENTS_FAILED(Spec.instanceFault(FAILED)),
    /** A webhook's {@code Stripe-Signature} is missing, wrong, or its timestamp is outside the tolerance window. */
    PAYMENTS_SIGNATURE_INVALID(Spec.of(REFUSED));

    private final Spec spec;

    PaymentsErrorCode(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
