package io.maestro.conductor.payments;

/**
 * Stable codes of payments failures (routes match on them, the admin API renders them: never rename one). Each has
 * the neutral kind the adapter SPI sorts codes by, whether the same call may succeed later unchanged, and whether it
 * says the instance itself is broken (drives its health).
 */
public enum PaymentsErrorCode {
    /** Stripe refused the parameters ({@code invalid_request_error}), or the exchange lacks what the call needs. */
    PAYMENTS_REQUEST_INVALID("invalid", false, false),
    /** Stripe has no such object ({@code resource_missing}). */
    PAYMENTS_NOT_FOUND("not_found", false, false),
    /** The same idempotency key was used with other parameters ({@code idempotency_error}). */
    PAYMENTS_IDEMPOTENCY_CONFLICT("conflict", false, false),
    /** Stripe already holds a meter event with this identifier: the usage was recorded before. */
    PAYMENTS_DUPLICATE("conflict", false, false),
    /** A card was declined ({@code card_error}). */
    PAYMENTS_CARD_DECLINED("refused", false, false),
    /** The API key was refused (401) or lacks the permission (403). */
    PAYMENTS_AUTH_FAILED("refused", false, true),
    /** Still rate limited (429) after the retries. */
    PAYMENTS_RATE_LIMITED("throttled", true, false),
    /** Stripe failed (5xx) or could not be reached, after the retries. */
    PAYMENTS_UNAVAILABLE("unreachable", true, true),
    /** A webhook's {@code Stripe-Signature} is missing, wrong, or its timestamp is outside the tolerance window. */
    PAYMENTS_SIGNATURE_INVALID("refused", false, false);

    private final String kind;
    private final boolean transientFailure;
    private final boolean instanceFault;

    PaymentsErrorCode(String kind, boolean transientFailure, boolean instanceFault) {
        this.kind = kind;
        this.transientFailure = transientFailure;
        this.instanceFault = instanceFault;
    }

    /** {@code invalid}, {@code not_found}, {@code conflict}, {@code refused}, {@code throttled} or {@code unreachable}. */
    public String kind() {
        return kind;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public boolean isInstanceFault() {
        return instanceFault;
    }
}
