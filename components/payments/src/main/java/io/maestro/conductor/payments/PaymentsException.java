package io.maestro.conductor.payments;

import io.maestro.conductor.adapter.AdapterException;

/**
 * A payments call failed. Carries what Stripe said about it — error {@code type}, {@code code}, {@code param}, HTTP
 * status and {@code Request-Id} (quote it to Stripe support) — but never Stripe's message text, which can echo
 * parts of the API key or the customer's data.
 */
public class PaymentsException extends AdapterException {

    private final String stripeType;
    private final String stripeCode;
    private final String stripeParam;
    private final Integer httpStatus;
    private final String requestId;

    /** @param instanceId {@code tenant/environment/instance}, or null when no instance is known */
    public PaymentsException(PaymentsErrorCode code, String instanceId, String detail) {
        this(code, instanceId, detail, null, null, null, null, null);
    }

    PaymentsException(
            PaymentsErrorCode code,
            String instanceId,
            String detail,
            String stripeType,
            String stripeCode,
            String stripeParam,
            Integer httpStatus,
            String requestId) {
        super(code, instanceId, describe(detail, stripeType, stripeCode, stripeParam, httpStatus, requestId));
        this.stripeType = stripeType;
        this.stripeCode = stripeCode;
        this.stripeParam = stripeParam;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
    }

    static PaymentsException of(PaymentsErrorCode code, CallContext context, String detail) {
        return new PaymentsException(code, context.instanceId(), detail);
    }

    @Override
    public PaymentsErrorCode code() {
        return (PaymentsErrorCode) super.code();
    }

    /** Stripe's error type ({@code invalid_request_error}, {@code api_error}, ...), or null when none came. */
    public String stripeType() {
        return stripeType;
    }

    /** Stripe's error code ({@code resource_missing}, {@code rate_limit}, ...), or null. */
    public String stripeCode() {
        return stripeCode;
    }

    public String stripeParam() {
        return stripeParam;
    }

    /** The HTTP status Stripe answered, or null when no answer came. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** Stripe's {@code Request-Id} of the failed call, or null when no answer came. */
    public String requestId() {
        return requestId;
    }

    private static String describe(
            String detail, String type, String stripeCode, String param, Integer status, String requestId) {
        StringBuilder text = new StringBuilder(detail);
        if (type != null || stripeCode != null || status != null) {
            text.append(" (stripe");
            if (status != null) {
                text.append(' ').append(status);
            }
            if (type != null) {
                text.append(' ').append(type);
            }
            if (stripeCode != null) {
                text.append('/').append(stripeCode);
            }
            if (param != null) {
                text.append(" param ").append(param);
            }
            if (requestId != null) {
                text.append(", request ").append(requestId);
            }
            text.append(')');
        }
        return text.toString();
    }
}
