package io.maestro.conductor.policy.rego;

import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Map;

/** Every way a query succeeded: one map of the query's named variables per solution. */
public record QueryResults(List<Map<String, Value>> bindings) {
    public QueryResults {
        bindings = List.copyOf(bindings);
    }

    /** True when the query succeeded at least once. */
    public boolean defined() {
        return !bindings.isEmpty();
    }
}
