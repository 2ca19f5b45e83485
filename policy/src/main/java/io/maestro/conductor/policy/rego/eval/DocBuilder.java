package io.maestro.conductor.policy.rego.eval;

import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Assembles a virtual document from rules with dynamic head keys ({@code p[x][y] := v},
 * {@code p[x] contains y}). Returns false from a put when a key already holds a different value.
 */
final class DocBuilder {
    private final TreeMap<Value, Object> entries = new TreeMap<>();

    /** Sets {@code keys} (non-empty) to a value; false on conflict. */
    boolean put(List<Value> keys, Value value) {
        DocBuilder node = descend(keys);
        if (node == null) return false;
        Value last = keys.get(keys.size() - 1);
        Object existing = node.entries.get(last);
        if (existing == null) {
            node.entries.put(last, value);
            return true;
        }
        return existing instanceof Value v && v.equals(value);
    }

    /** Adds an element to the set at {@code keys} (non-empty); false on conflict. */
    @SuppressWarnings("unchecked")
    boolean add(List<Value> keys, Value element) {
        DocBuilder node = descend(keys);
        if (node == null) return false;
        Value last = keys.get(keys.size() - 1);
        Object existing = node.entries.computeIfAbsent(last, k -> new TreeSet<Value>());
        if (!(existing instanceof TreeSet)) return false;
        ((TreeSet<Value>) existing).add(element);
        return true;
    }

    private DocBuilder descend(List<Value> keys) {
        DocBuilder node = this;
        for (int i = 0; i < keys.size() - 1; i++) {
            Object next = node.entries.computeIfAbsent(keys.get(i), k -> new DocBuilder());
            if (!(next instanceof DocBuilder d)) return null;
            node = d;
        }
        return node;
    }

    /** The value built at a top-level key, or null. */
    Value valueAt(Value key) {
        Object o = entries.get(key);
        return o == null ? null : build(o);
    }

    /** Merges into {@code into}; false when a key is present in both with different values. */
    @SuppressWarnings("unchecked")
    boolean mergeInto(Map<Value, Value> into) {
        for (Map.Entry<Value, Object> e : entries.entrySet()) {
            Value v = build(e.getValue());
            Value prior = into.putIfAbsent(e.getKey(), v);
            if (prior != null && !prior.equals(v)) return false;
        }
        return true;
    }

    ObjectValue build() {
        Map<Value, Value> out = new TreeMap<>();
        mergeInto(out);
        return ObjectValue.of(out);
    }

    @SuppressWarnings("unchecked")
    private static Value build(Object o) {
        if (o instanceof Value v) return v;
        if (o instanceof DocBuilder d) return d.build();
        return SetValue.of((TreeSet<Value>) o);
    }
}
