package io.maestro.conductor.payments;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;

/** Sorts stripe-java's exceptions into payments codes, and says which are worth another attempt. */
final class StripeErrors {

    /** Stripe's answer to a meter event whose identifier it already holds (400, no error code of its own). */
    private static final String DUPLICATE_METER_EVENT = "An event already exists with identifier";

    private StripeErrors() {}

    /**
     * True for what may succeed unchanged: no answer at all, 429, 409 (a request with the same key still running)
     * and 5xx. Safe to repeat because every POST carries the same idempotency key on every attempt.
     */
    static boolean retryable(StripeException e) {
        if (e instanceof ApiConnectionException || e instanceof RateLimitException) {
            return true;
        }
        Integer status = e.getStatusCode();
        return status != null && (status == 409 || status >= 500);
    }

    static PaymentsException map(StripeException e, CallContext context, String operation) {
        // stripe-java reports "no answer" as status 0
        Integer status = e.getStatusCode() == null || e.getStatusCode() == 0 ? null : e.getStatusCode();
        PaymentsErrorCode code;
        if (e instanceof ApiConnectionException) {
            code = PaymentsErrorCode.PAYMENTS_UNREACHABLE;
        } else if (e instanceof AuthenticationException || e instanceof PermissionException) {
            code = PaymentsErrorCode.PAYMENTS_AUTH_FAILED;
        } else if (e instanceof RateLimitException) {
            code = PaymentsErrorCode.PAYMENTS_RATE_LIMITED;
        } else if (e instanceof IdempotencyException) {
            code = PaymentsErrorCode.PAYMENTS_IDEMPOTENCY_CONFLICT;
        } else if (e instanceof CardException) {
            code = PaymentsErrorCode.PAYMENTS_CARD_DECLINED;
        } else if (status != null && status >= 500) {
            code = PaymentsErrorCode.PAYMENTS_FAILED;
        } else if (status != null && status == 404 || "resource_missing".equals(e.getCode())) {
            code = PaymentsErrorCode.PAYMENTS_NOT_FOUND;
        } else if (isDuplicateMeterEvent(e)) {
            code = PaymentsErrorCode.PAYMENTS_DUPLICATE;
        } else {
            code = PaymentsErrorCode.PAYMENTS_REQUEST_INVALID;
        }
        String type = e.getStripeError() == null ? null : e.getStripeError().getType();
        String param = e.getStripeError() == null ? null : e.getStripeError().getParam();
        String detail = e instanceof ApiConnectionException
                ? operation + " got no answer from Stripe"
                : operation + " refused by Stripe";
        return new PaymentsException(
                code, context.instanceId(), detail, type, e.getCode(), param, status, e.getRequestId());
    }

    private static boolean isDuplicateMeterEvent(StripeException e) {
        return e.getStripeError() != null
                && e.getStripeError().getMessage() != null
                && e.getStripeError().getMessage().startsWith(DUPLICATE_METER_EVENT);
    }
}
