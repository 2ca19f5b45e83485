package io.maestro.conductor.policy.pdp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A policy path and its input. The path names a document under {@code data}, in the Data API's slash form
 * ({@code residency/decision}) or dotted ({@code governance.lifecycle.decision}); both are kept as the slash
 * form. The input may be null (no input).
 */
public record DecisionRequest(String path, Value input) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public DecisionRequest {
        path = normalise(path);
    }

    public static DecisionRequest of(String path, Value input) {
        return new DecisionRequest(path, input);
    }

    /** Input given as JSON text. */
    public static DecisionRequest ofJson(String path, String inputJson) {
        return new DecisionRequest(path, Values.fromJson(inputJson));
    }

    /** Input given as plain maps, lists, strings, numbers, booleans and nulls (e.g. a governance request). */
    public static DecisionRequest ofMap(String path, Map<String, ?> input) {
        return new DecisionRequest(path, Values.fromJson(MAPPER.valueToTree(input)));
    }

    /** The dotted reference the engine evaluates, e.g. {@code data.residency.decision}. */
    public String dataRef() {
        return path.isEmpty() ? "data" : "data." + path.replace('/', '.');
    }

    private static String normalise(String path) {
        if (path == null) throw new IllegalArgumentException("policy path is required");
        String p = path.trim();
        if (p.startsWith("data.") || p.equals("data")) p = p.substring(4);
        p = p.replace('.', '/');
        while (p.startsWith("/")) p = p.substring(1);
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (p.isEmpty()) return p;
        for (String segment : p.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("invalid policy path: " + path);
            }
        }
        return p;
    }
}
