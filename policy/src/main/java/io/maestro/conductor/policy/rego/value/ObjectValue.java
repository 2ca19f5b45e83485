package io.maestro.conductor.policy.rego.value;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** An object; keys may be any value (Rego allows non-string keys) and iterate in sort order. */
public final class ObjectValue implements Value {
    public static final ObjectValue EMPTY = new ObjectValue(new TreeMap<>());

    private final NavigableMap<Value, Value> entries;
    /** Computed on first use (0 = not yet), as String does: objects are map keys of caches and memo tables. */
    private int hash;

    private ObjectValue(NavigableMap<Value, Value> entries) {
        this.entries = Collections.unmodifiableNavigableMap(entries);
    }

    public static ObjectValue of(Map<? extends Value, ? extends Value> entries) {
        return new ObjectValue(new TreeMap<>(entries));
    }

    public NavigableMap<Value, Value> entries() {
        return entries;
    }

    public Value get(Value key) {
        return entries.get(key);
    }

    public Value get(String key) {
        return entries.get(StringValue.of(key));
    }

    public int size() {
        return entries.size();
    }

    @Override
    public int kindOrder() {
        return 7;
    }

    @Override
    public String typeName() {
        return "object";
    }

    /** Compares as OPA does: key by key in sorted order, then value by value, then by size. */
    @Override
    public int compareSameKind(Value other) {
        Iterator<Map.Entry<Value, Value>> a = entries.entrySet().iterator();
        Iterator<Map.Entry<Value, Value>> b =
                ((ObjectValue) other).entries.entrySet().iterator();
        while (a.hasNext() && b.hasNext()) {
            Map.Entry<Value, Value> x = a.next();
            Map.Entry<Value, Value> y = b.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c != 0) return c;
            c = x.getValue().compareTo(y.getValue());
            if (c != 0) return c;
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof ObjectValue v)) return false;
        // Hashes only where both are known already: computing them just to compare would walk both maps twice.
        if (hash != 0 && v.hash != 0 && hash != v.hash) return false;
        return entries.equals(v.entries);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = entries.hashCode();
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return Values.toJsonString(this);
    }
}
