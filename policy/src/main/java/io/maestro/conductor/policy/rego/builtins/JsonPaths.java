package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The path tree behind {@code json.filter} and {@code json.remove}: paths given as {@code "a/b/0"}
 * strings (JSON-pointer escapes {@code ~0 ~1}) or arrays of segments, merged so that a shorter path
 * covers everything below it. Array elements are addressed by their index.
 */
final class JsonPaths {
    /** A node: children by segment; a leaf (selected whole) has no children map. */
    private final Map<Value, JsonPaths> children;

    private JsonPaths(Map<Value, JsonPaths> children) {
        this.children = children;
    }

    private boolean isLeaf() {
        return children == null;
    }

    /** Parses operand 2 of {@code name}: a set or array of paths. */
    static JsonPaths parse(String name, Value operand) {
        Collection<Value> paths;
        if (operand instanceof ArrayValue a) paths = a.elements();
        else if (operand instanceof SetValue s) paths = s.elements();
        else throw Operands.typeError(name, 2, operand, "set", "array");
        JsonPaths root = new JsonPaths(new HashMap<>());
        for (Value p : paths) root.insert(segments(name, p));
        return root;
    }

    private static List<Value> segments(String name, Value path) {
        List<Value> out = new ArrayList<>();
        if (path instanceof StringValue s) {
            if (s.value().isEmpty()) return out;
            String trimmed = s.value().replaceFirst("^/+", "");
            for (String part : trimmed.split("/", -1)) {
                out.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
            }
        } else if (path instanceof ArrayValue a) {
            out.addAll(a.elements());
        } else {
            throw Operands.invalid(
                    name,
                    2,
                    "must be one of {set, array} containing string paths or array of path segments but got "
                            + path.typeName());
        }
        return out;
    }

    private void insert(List<Value> path) {
        if (path.isEmpty()) return;
        JsonPaths node = this;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonPaths child = node.children.get(key(path.get(i)));
            if (child != null && child.isLeaf()) return;
            if (child == null) {
                child = new JsonPaths(new HashMap<>());
                node.children.put(key(path.get(i)), child);
            }
            node = child;
        }
        node.children.put(key(path.get(path.size() - 1)), new JsonPaths(null));
    }

    /** Segments compare as text, so that "0" and 0 both address array element 0. */
    private static Value key(Value segment) {
        return segment instanceof NumberValue n ? StringValue.of(n.toString()) : segment;
    }

    private JsonPaths child(Value key) {
        return children.get(key(key));
    }

    /** Keeps only what the paths select. */
    Value filter(Value v) {
        if (isLeaf()) return v;
        if (v instanceof ObjectValue o) {
            TreeMap<Value, Value> out = new TreeMap<>();
            o.entries().forEach((k, x) -> {
                JsonPaths sub = child(k);
                if (sub != null) out.put(k, sub.filter(x));
            });
            return ObjectValue.of(out);
        }
        if (v instanceof ArrayValue a) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                JsonPaths sub = child(NumberValue.of(i));
                if (sub != null) out.add(sub.filter(a.get(i)));
            }
            return new ArrayValue(out);
        }
        if (v instanceof SetValue s) {
            TreeSet<Value> out = new TreeSet<>();
            for (Value x : s.elements()) {
                JsonPaths sub = child(x);
                if (sub != null) out.add(sub.filter(x));
            }
            return SetValue.of(out);
        }
        return v;
    }

    /** Drops what the paths select; removed array elements close up, as in JSON Patch. */
    Value remove(Value v) {
        if (v instanceof ObjectValue o) {
            TreeMap<Value, Value> out = new TreeMap<>();
            o.entries().forEach((k, x) -> keep(child(k), x, kept -> out.put(k, kept)));
            return ObjectValue.of(out);
        }
        if (v instanceof ArrayValue a) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) keep(child(NumberValue.of(i)), a.get(i), out::add);
            return new ArrayValue(out);
        }
        if (v instanceof SetValue s) {
            TreeSet<Value> out = new TreeSet<>();
            for (Value x : s.elements()) keep(child(x), x, out::add);
            return SetValue.of(out);
        }
        return v;
    }

    private static void keep(JsonPaths sub, Value v, java.util.function.Consumer<Value> sink) {
        if (sub == null) sink.accept(v);
        else if (!sub.isLeaf()) sink.accept(sub.remove(v));
    }
}
