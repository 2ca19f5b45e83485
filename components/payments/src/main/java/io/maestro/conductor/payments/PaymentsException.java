package io.maestro.conductor.payments;

import java.util.Objects;

/**
 * A payments call failed. Carries what Stripe said about it — error {@code type}, {@code code}, {@code param}, HTTP
 * status and {@code Request-Id} (quote it to Stripe support) — but never Stripe's message text, which can echo
 * parts of the API key or the customer's data.
 */
public class PaymentsException extends RuntimeException {

    private final PaymentsErrorCode code;
    private final String stripeType;
    private final String stripeCode;
    private final String stripeParam;
    private final Integer httpStatus;
    private final String requestId;

    public PaymentsException(PaymentsErrorCode code, String detail) {
        this(code, detail, null, null, null, null, null);
    }

    PaymentsException(PaymentsErrorCode code, String detail, String stripeType, String stripeCode,
            String stripeParam, Integer httpStatus, String requestId) {
        super(format(code, detail, stripeType, stripeCode, stripeParam, httpStatus, requestId));
        this.code = Objects.requireNonNull(code, "code");
        this.stripeType = stripeType;
        this.stripeCode = stripeCode;
        this.stripeParam = stripeParam;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
    }

    public PaymentsErrorCode code() {
        return code;
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

    public boolean isTransient() {
        return code.isTransient();
    }

    private static String format(PaymentsErrorCode code, String detail, String type, String stripeCode, String param,
            Integer status, String requestId) {
        StringBuilder text = new StringBuilder(code.name()).append(": ").append(detail);
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
