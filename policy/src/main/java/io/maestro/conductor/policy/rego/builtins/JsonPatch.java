package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * RFC 6902 JSON Patch over Rego values, as {@code json.patch} applies it: paths are "/"-separated
 * strings (leading slashes optional, {@code ~0 ~1} escapes) or arrays of segments; sets are
 * addressed by member. A malformed patch, or one that cannot apply, yields undefined, as in OPA.
 */
final class JsonPatch {
    /** Thrown when an operation does not apply; the builtin is then undefined. */
    private static final class NotApplicable extends RuntimeException {
        NotApplicable() {
            super(null, null, false, false);
        }
    }

    private JsonPatch() {}

    /** The patched document, or null when an operation does not apply. */
    static Value apply(Value doc, ArrayValue patches) {
        try {
            Value out = doc;
            for (Value p : patches.elements()) {
                if (!(p instanceof ObjectValue op)) return null;
                out = applyOne(out, op);
            }
            return out;
        } catch (NotApplicable e) {
            return null;
        }
    }

    private static Value applyOne(Value doc, ObjectValue op) {
        String kind = field(op, "op") instanceof StringValue s ? s.value() : null;
        if (kind == null) throw new NotApplicable();
        List<Value> path = path(field(op, "path"));
        switch (kind) {
            case "add" -> {
                return add(doc, path, required(op, "value"));
            }
            case "remove" -> {
                return remove(doc, path);
            }
            case "replace" -> {
                return add(remove(doc, path), path, required(op, "value"));
            }
            case "move" -> {
                List<Value> from = path(field(op, "from"));
                Value moved = get(doc, from);
                return add(remove(doc, from), path, moved);
            }
            case "copy" -> {
                return add(doc, path, get(doc, path(field(op, "from"))));
            }
            case "test" -> {
                if (!get(doc, path).equals(required(op, "value"))) throw new NotApplicable();
                return doc;
            }
            default -> throw new NotApplicable();
        }
    }

    private static Value field(ObjectValue op, String key) {
        return op.get(key);
    }

    private static Value required(ObjectValue op, String key) {
        Value v = op.get(key);
        if (v == null) throw new NotApplicable();
        return v;
    }

    private static List<Value> path(Value p) {
        List<Value> out = new ArrayList<>();
        if (p instanceof ArrayValue a) {
            out.addAll(a.elements());
        } else if (p instanceof StringValue s) {
            String trimmed = s.value().replaceFirst("^/+", "");
            if (s.value().isEmpty()) return out;
            for (String part : trimmed.split("/", -1)) {
                out.add(StringValue.of(part.replace("~1", "/").replace("~0", "~")));
            }
        } else {
            throw new NotApplicable();
        }
        return out;
    }

    private static Value get(Value doc, List<Value> path) {
        Value node = doc;
        for (Value seg : path) node = child(node, seg);
        return node;
    }

    private static Value child(Value node, Value seg) {
        if (node instanceof ObjectValue o && o.get(seg) != null) return o.get(seg);
        if (node instanceof ArrayValue a) {
            int i = index(seg, a.size() - 1);
            return a.get(i);
        }
        if (node instanceof SetValue s && s.contains(seg)) return seg;
        throw new NotApplicable();
    }

    /** An array index in [0, max]; "-" is only valid where appending, handled by the caller. */
    private static int index(Value seg, int max) {
        String text = seg instanceof StringValue s ? s.value() : seg instanceof NumberValue n ? n.toString() : "";
        if (!text.matches("0|[1-9][0-9]{0,8}")) throw new NotApplicable();
        int i = Integer.parseInt(text);
        if (i > max) throw new NotApplicable();
        return i;
    }

    private static Value add(Value doc, List<Value> path, Value value) {
        if (path.isEmpty()) return value;
        return update(doc, path, 0, (parent, last) -> {
            if (parent instanceof ObjectValue o) {
                TreeMap<Value, Value> m = new TreeMap<>(o.entries());
                m.put(last, value);
                return ObjectValue.of(m);
            }
            if (parent instanceof ArrayValue a) {
                List<Value> l = new ArrayList<>(a.elements());
                boolean append = last instanceof StringValue s && s.value().equals("-");
                l.add(append ? l.size() : index(last, l.size()), value);
                return new ArrayValue(l);
            }
            if (parent instanceof SetValue s) {
                TreeSet<Value> t = new TreeSet<>(s.elements());
                t.add(value);
                return SetValue.of(t);
            }
            throw new NotApplicable();
        });
    }

    private static Value remove(Value doc, List<Value> path) {
        if (path.isEmpty()) throw new NotApplicable();
        return update(doc, path, 0, (parent, last) -> {
            if (parent instanceof ObjectValue o && o.get(last) != null) {
                TreeMap<Value, Value> m = new TreeMap<>(o.entries());
                m.remove(last);
                return ObjectValue.of(m);
            }
            if (parent instanceof ArrayValue a) {
                List<Value> l = new ArrayList<>(a.elements());
                l.remove(index(last, l.size() - 1));
                return new ArrayValue(l);
            }
            if (parent instanceof SetValue s && s.contains(last)) {
                TreeSet<Value> t = new TreeSet<>(s.elements());
                t.remove(last);
                return SetValue.of(t);
            }
            throw new NotApplicable();
        });
    }

    private interface Edit {
        Value at(Value parent, Value last);
    }

    /** Rebuilds the containers along the path, applying the edit to the parent of its last segment. */
    private static Value update(Value node, List<Value> path, int depth, Edit edit) {
        Value seg = path.get(depth);
        if (depth == path.size() - 1) return edit.at(node, seg);
        Value replaced = update(child(node, seg), path, depth + 1, edit);
        if (node instanceof ObjectValue o) {
            TreeMap<Value, Value> m = new TreeMap<>(o.entries());
            m.put(seg, replaced);
            return ObjectValue.of(m);
        }
        if (node instanceof ArrayValue a) {
            List<Value> l = new ArrayList<>(a.elements());
            l.set(index(seg, l.size() - 1), replaced);
            return new ArrayValue(l);
        }
        TreeSet<Value> t = new TreeSet<>(((SetValue) node).elements());
        t.remove(seg);
        t.add(replaced);
        return SetValue.of(t);
    }
}
