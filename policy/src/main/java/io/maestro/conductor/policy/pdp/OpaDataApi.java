package io.maestro.conductor.policy.pdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;

/**
 * OPA's Data API over an {@link EmbeddedDecisionPoint}, independent of any HTTP server: the hub's controller
 * and the loopback test server both delegate here, so the semantics live in one place.
 * <ul>
 *   <li>{@code POST /v1/data/{path}} with an optional {@code {"input": …}} body, {@code GET} without input;</li>
 *   <li>200 {@code {"result": …, "decision_id": …}}, or {@code {"decision_id": …}} alone when undefined;</li>
 *   <li>400 {@code {"code": "invalid_parameter", "message": …}} for a bad path or body;</li>
 *   <li>500 {@code {"code": "internal_error", "message": …, "errors": [...]}} when evaluation fails.</li>
 * </ul>
 */
public final class OpaDataApi implements DataApiHandler {
    public static final String PREFIX = "/v1/data";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EmbeddedDecisionPoint decisionPoint;

    public OpaDataApi(EmbeddedDecisionPoint decisionPoint) {
        this.decisionPoint = decisionPoint;
    }

    /** An HTTP status and a JSON body. */
    public record Response(int status, String body) {}

    /**
     * @param method {@code GET} or {@code POST}
     * @param path   the document path after {@code /v1/data}, e.g. {@code residency/decision} (slashes optional)
     * @param body   the request body, or null
     */
    @Override
    public Response handle(String method, String path, String body) {
        if (!"GET".equals(method) && !"POST".equals(method)) {
            return error(405, "invalid_parameter", "method " + method + " is not supported on " + PREFIX);
        }
        DecisionRequest request;
        try {
            Value input = "POST".equals(method) ? input(body) : null;
            request = DecisionRequest.of(path == null ? "" : path, input);
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_parameter", e.getMessage());
        }
        try {
            Evaluation evaluation = decisionPoint.evaluate(request);
            ObjectNode out = MAPPER.createObjectNode();
            evaluation.result().ifPresent(result -> out.set("result", Values.toJson(result)));
            out.put("decision_id", evaluation.decisionId());
            return new Response(200, out.toString());
        } catch (RegoException e) {
            ObjectNode out = errorBody("internal_error", e.getMessage());
            ArrayNode errors = out.putArray("errors");
            for (RegoError error : e.errors()) {
                ObjectNode item = errors.addObject().put("code", error.code()).put("message", error.message());
                if (error.file() != null && error.line() > 0) {
                    item.putObject("location")
                            .put("file", error.file())
                            .put("row", error.line())
                            .put("col", error.col());
                }
            }
            return new Response(500, out.toString());
        } catch (RuntimeException e) {
            return error(
                    500, "internal_error", "evaluation failed: " + e.getClass().getSimpleName());
        }
    }

    private static Value input(String body) {
        if (body == null || body.isBlank()) return null;
        JsonNode document;
        try {
            document = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body contains malformed JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!document.isObject()) throw new IllegalArgumentException("body must be a JSON object");
        JsonNode input = document.get("input");
        return input == null ? null : Values.fromJson(input);
    }

    private static Response error(int status, String code, String message) {
        return new Response(status, errorBody(code, message).toString());
    }

    private static ObjectNode errorBody(String code, String message) {
        return MAPPER.createObjectNode().put("code", code).put("message", message);
    }
}
