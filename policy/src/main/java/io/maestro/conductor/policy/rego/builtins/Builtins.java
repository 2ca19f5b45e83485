package io.maestro.conductor.policy.rego.builtins;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The table of builtins the evaluator resolves calls against. Groups of builtins register themselves
 * through {@link BuiltinGroup}; the table is built once and read concurrently.
 */
public final class Builtins {
    private final Map<String, BuiltinSpec> byName;

    private Builtins(Map<String, BuiltinSpec> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static Builtins of(Collection<BuiltinGroup> groups) {
        Map<String, BuiltinSpec> table = new HashMap<>();
        for (BuiltinGroup group : groups) {
            for (BuiltinSpec spec : group.specs()) {
                if (table.putIfAbsent(spec.name(), spec) != null) {
                    throw new IllegalStateException("builtin declared twice: " + spec.name());
                }
            }
        }
        return new Builtins(table);
    }

    public Optional<BuiltinSpec> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<BuiltinSpec> all() {
        return byName.values();
    }
}
