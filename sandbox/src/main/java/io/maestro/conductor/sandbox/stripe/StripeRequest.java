package io.maestro.conductor.sandbox.stripe;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One authenticated API call as a handler sees it: path variables and the decoded form parameters. */
final class StripeRequest {

    /** Accepted by every endpoint; the sandbox never expands and answers with ids, as Stripe does unexpanded. */
    private static final String EXPAND = "expand";

    final String method;
    final String path;
    final Map<String, String> pathVariables;
    final Map<String, Object> params;
    final String requestId;
    final String idempotencyKey;

    StripeRequest(
            String method,
            String path,
            Map<String, String> pathVariables,
            Map<String, Object> params,
            String requestId,
            String idempotencyKey) {
        this.method = method;
        this.path = path;
        this.pathVariables = pathVariables;
        this.params = params;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
    }

    String pathVariable(String name) {
        return pathVariables.get(name);
    }

    /** Refuses any top-level parameter outside {@code allowed}, with Stripe's {@code parameter_unknown}. */
    StripeRequest allow(String... allowed) {
        Set<String> names = Set.of(allowed);
        for (String name : params.keySet()) {
            if (!names.contains(name) && !EXPAND.equals(name)) {
                throw StripeApiException.unknownParam(name);
            }
        }
        return this;
    }

    String string(String name) {
        Object value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw StripeApiException.invalidValue(name, "Invalid string: " + name + " must be a string");
        }
        return (String) value;
    }

    String requireString(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw StripeApiException.missingParam(name);
        }
        return value;
    }

    Long integer(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw StripeApiException.invalid("parameter_invalid_integer", "Invalid integer: " + value, name);
        }
    }

    Boolean bool(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw StripeApiException.invalid("parameter_invalid_boolean", "Invalid boolean: " + value, name);
        }
        return Boolean.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) {
        Object value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map)) {
            throw StripeApiException.invalid("parameter_invalid_string", "Invalid object", name);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String name) {
        Object value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List)) {
            throw StripeApiException.invalid("parameter_invalid_string", "Invalid array", name);
        }
        return (List<Object>) value;
    }

    /** One of {@code allowed}, or {@code fallback} when absent. */
    String oneOf(String name, String fallback, String... allowed) {
        String value = string(name);
        if (value == null) {
            return fallback;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw StripeApiException.invalid(
                "parameter_invalid_string", "Invalid " + name + ": must be one of " + String.join(", ", allowed), name);
    }
}
