package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A refusal in Stripe's error envelope: {@code {"error":{"type","code","message","param"}}} with an HTTP status. */
final class StripeApiException extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;

    StripeApiException(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeApiException invalid(String code, String message, String param) {
        return new StripeApiException(400, "invalid_request_error", code, message, param);
    }

    static StripeApiException missingParam(String param) {
        return invalid("parameter_missing", "Missing required param: " + param + ".", param);
    }

    static StripeApiException unknownParam(String param) {
        return invalid("parameter_unknown", "Received unknown parameter: " + param, param);
    }

    static StripeApiException invalidValue(String param, String message) {
        return invalid("parameter_invalid_string", message, param);
    }

    static StripeApiException noSuch(String what, String id, String param) {
        return new StripeApiException(
                404, "invalid_request_error", "resource_missing", "No such " + what + ": '" + id + "'", param);
    }

    ObjectNode envelope() {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return body;
    }
}
