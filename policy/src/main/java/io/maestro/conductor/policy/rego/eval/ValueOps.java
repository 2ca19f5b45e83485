package io.maestro.conductor.policy.rego.eval;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Indexing and updating ground values the way Rego refs do. */
final class ValueOps {
    private ValueOps() {}

    /** {@code v[key]}, or null when undefined. */
    static Value index(Value v, Value key) {
        if (v instanceof ObjectValue o) return o.get(key);
        if (v instanceof ArrayValue a) {
            if (!(key instanceof NumberValue n) || !n.isInteger()) return null;
            try {
                int i = n.intValueExact();
                return i >= 0 && i < a.size() ? a.get(i) : null;
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (v instanceof SetValue s) return s.contains(key) ? key : null;
        return null;
    }

    /** A copy of {@code v} with {@code path} set to {@code value}, creating objects along the way. */
    static Value put(Value v, List<Value> path, Value value) {
        if (path.isEmpty()) return value;
        Map<Value, Value> entries = v instanceof ObjectValue o ? new TreeMap<>(o.entries()) : new TreeMap<>();
        Value child = entries.get(path.get(0));
        entries.put(path.get(0), put(child == null ? ObjectValue.EMPTY : child, path.subList(1, path.size()), value));
        return ObjectValue.of(entries);
    }

    /**
     * Two documents for one path from rules of different depths ({@code p[x][y] := 1} and {@code p.m.o := 2}), as
     * OPA merges them: objects key by key, recursively; equal values are one value; anything else is null (a
     * conflict).
     */
    static Value merge(Value a, Value b) {
        if (a.equals(b)) return a;
        if (!(a instanceof ObjectValue x) || !(b instanceof ObjectValue y)) return null;
        Map<Value, Value> out = new TreeMap<>(x.entries());
        for (Map.Entry<Value, Value> e : y.entries().entrySet()) {
            Value prior = out.get(e.getKey());
            Value merged = prior == null ? e.getValue() : merge(prior, e.getValue());
            if (merged == null) return null;
            out.put(e.getKey(), merged);
        }
        return ObjectValue.of(out);
    }

    /** {@code top} laid over {@code bottom}: objects merge key by key, anything else in {@code top} wins. */
    static Value overlay(Value bottom, Value top) {
        if (!(bottom instanceof ObjectValue b) || !(top instanceof ObjectValue t)) return top;
        Map<Value, Value> out = new TreeMap<>(b.entries());
        t.entries().forEach((k, v) -> out.merge(k, v, ValueOps::overlay));
        return ObjectValue.of(out);
    }
}
