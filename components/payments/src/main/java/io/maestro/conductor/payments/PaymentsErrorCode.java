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
    PAYMENTS_REQUEST_INVALID(INVALID, false),
    /** Stripe has no such object ({@code resource_missing}), or it belongs to another tenant. */
    PAYMENTS_NOT_FOUND(NOT_FOUND, false),
    /** The same idempotency key was used with other parameters ({@code idempotency_error}). */
    PAYMENTS_IDEMPOTENCY_CONFLICT(CONFLICT, false),
    /** Stripe already holds a meter event with this identifier: the usage was recorded before. */
    PAYMENTS_DUPLICATE(CONFLICT, false),
    /** A card was declined ({@code card_error}). */
    PAYMENTS_CARD_DECLINED(REFUSED, false),
    /** The API key was refused (401) or lacks the permission (403). */
    PAYMENTS_AUTH_FAILED(REFUSED, true),
    /** Still rate limited (429) after the retries. */
    PAYMENTS_RATE_LIMITED(THROTTLED, false),
    /** Stripe could not be reached or did not answer, after the retries. */
    PAYMENTS_UNREACHABLE(UNREACHABLE, true),
    /** Stripe failed (5xx) after the retries. */
    PAYMENTS_FAILED(FAILED, true),
    /** A webhook's {@code Stripe-Signature} is missing, wrong, or its timestamp is outside the tolerance window. */
    PAYMENTS_SIGNATURE_INVALID(REFUSED, false);

    private final Kind kind;
    private final boolean instanceFault;

    PaymentsErrorCode(Kind kind, boolean instanceFault) {
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
