package io.maestro.conductor.policy.rego.builtins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.Collection;
import java.util.Map;

/**
 * JSON text as Go's encoding/json writes it (OPA's {@code json.marshal}): HTML-safe escapes
 * ({@code <} as {@code \u003c}), sets as arrays, non-string keys as their JSON text, and
 * {@code MarshalIndent}'s layout; and strict parsing (no trailing content) for {@code json.unmarshal}.
 */
final class GoJson {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private GoJson() {}

    static String marshal(Value v) {
        return marshal(v, null, null);
    }

    /** With {@code indent} null the output is compact; otherwise laid out as Go's MarshalIndent(prefix, indent). */
    static String marshal(Value v, String prefix, String indent) {
        StringBuilder out = new StringBuilder();
        write(out, v, prefix == null ? "" : prefix, indent, 0);
        return out.toString();
    }

    /** Parses one JSON document. */
    static Value parse(String text) throws JsonProcessingException {
        JsonNode node = STRICT.readTree(text);
        if (node == null || node.isMissingNode()) throw new JsonProcessingException("unexpected end of JSON input") {};
        return Values.fromJson(node);
    }

    private static void write(StringBuilder out, Value v, String prefix, String indent, int depth) {
        if (v instanceof StringValue s) {
            quote(out, s.value());
        } else if (v instanceof ArrayValue a) {
            writeList(out, a.elements(), prefix, indent, depth);
        } else if (v instanceof SetValue s) {
            writeList(out, s.elements(), prefix, indent, depth);
        } else if (v instanceof ObjectValue o) {
            if (o.size() == 0) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
                if (!first) out.append(',');
                first = false;
                newline(out, prefix, indent, depth + 1);
                quote(out, e.getKey() instanceof StringValue k ? k.value() : marshal(e.getKey()));
                out.append(indent == null ? ":" : ": ");
                write(out, e.getValue(), prefix, indent, depth + 1);
            }
            newline(out, prefix, indent, depth);
            out.append('}');
        } else {
            out.append(v);
        }
    }

    private static void writeList(StringBuilder out, Collection<Value> items, String prefix, String indent, int depth) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Value item : items) {
            if (!first) out.append(',');
            first = false;
            newline(out, prefix, indent, depth + 1);
            write(out, item, prefix, indent, depth + 1);
        }
        newline(out, prefix, indent, depth);
        out.append(']');
    }

    private static void newline(StringBuilder out, String prefix, String indent, int depth) {
        if (indent == null) return;
        out.append('\n').append(prefix).append(indent.repeat(depth));
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
