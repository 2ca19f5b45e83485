package io.maestro.conductor.policy.rego.value;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;

/** A set, iterating in sort order. */
public final class SetValue implements Value {
    public static final SetValue EMPTY = new SetValue(new TreeSet<>());

    private final NavigableSet<Value> elements;

    private SetValue(NavigableSet<Value> elements) {
        this.elements = Collections.unmodifiableNavigableSet(elements);
    }

    public static SetValue of(Collection<? extends Value> elements) {
        return new SetValue(new TreeSet<>(elements));
    }

    public NavigableSet<Value> elements() {
        return elements;
    }

    public boolean contains(Value v) {
        return elements.contains(v);
    }

    public int size() {
        return elements.size();
    }

    @Override
    public int kindOrder() {
        return 8;
    }

    @Override
    public String typeName() {
        return "set";
    }

    @Override
    public int compareSameKind(Value other) {
        Iterator<Value> a = elements.iterator();
        Iterator<Value> b = ((SetValue) other).elements.iterator();
        while (a.hasNext() && b.hasNext()) {
            int c = a.next().compareTo(b.next());
            if (c != 0) return c;
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetValue v && elements.equals(v.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        return Values.toJsonString(this);
    }
}
