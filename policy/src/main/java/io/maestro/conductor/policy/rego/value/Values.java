package io.maestro.conductor.policy.rego.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Conversions between Rego values and JSON, the way OPA serialises results. */
public final class Values {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Values() {}

    public static Value fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return NullValue.INSTANCE;
        if (node.isBoolean()) return BooleanValue.of(node.booleanValue());
        if (node.isIntegralNumber()) return NumberValue.of(node.bigIntegerValue());
        if (node.isNumber()) return NumberValue.of(node.decimalValue());
        if (node.isTextual()) return StringValue.of(node.textValue());
        if (node.isArray()) {
            List<Value> items = new ArrayList<>(node.size());
            node.forEach(n -> items.add(fromJson(n)));
            return new ArrayValue(items);
        }
        Map<Value, Value> entries = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            entries.put(StringValue.of(f.getKey()), fromJson(f.getValue()));
        }
        return ObjectValue.of(entries);
    }

    public static Value fromJson(String json) {
        try {
            return fromJson(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** JSON form of a value: sets become sorted arrays, non-string object keys their JSON text. */
    public static JsonNode toJson(Value value) {
        return toJson(value, key -> false, null);
    }

    /**
     * As {@link #toJson(Value)}, with the value under every object key that {@code hide} accepts (at any depth)
     * written as the text {@code mask}: one pass for logs that must not show secrets.
     */
    public static JsonNode toJson(Value value, Predicate<String> hide, String mask) {
        if (value instanceof BooleanValue b) return NODES.booleanNode(b.value());
        if (value instanceof NumberValue n) {
            return n.isInteger() ? NODES.numberNode(n.value().toBigIntegerExact()) : NODES.numberNode(n.value());
        }
        if (value instanceof StringValue s) return NODES.textNode(s.value());
        if (value instanceof ArrayValue a) {
            ArrayNode out = NODES.arrayNode();
            a.elements().forEach(v -> out.add(toJson(v, hide, mask)));
            return out;
        }
        if (value instanceof SetValue s) {
            ArrayNode out = NODES.arrayNode();
            s.elements().forEach(v -> out.add(toJson(v, hide, mask)));
            return out;
        }
        if (value instanceof ObjectValue o) {
            ObjectNode out = NODES.objectNode();
            o.entries().forEach((k, v) -> {
                String key = k instanceof StringValue s ? s.value() : toJsonString(k);
                out.set(key, hide.test(key) ? NODES.textNode(mask) : toJson(v, hide, mask));
            });
            return out;
        }
        return NODES.nullNode();
    }

    public static String toJsonString(Value value) {
        try {
            return MAPPER.writeValueAsString(toJson(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
