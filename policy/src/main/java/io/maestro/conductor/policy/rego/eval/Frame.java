package io.maestro.conductor.policy.rego.eval;

import io.maestro.conductor.policy.rego.compile.RuleNode;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code with} modifier changes: the input, replaced data paths, replaced functions. Each frame
 * has its own cache of rule values, since a replacement can change them.
 */
final class Frame {
    /** A replaced data path and its value. */
    record DataOverride(List<Value> path, Value value) {}

    final Value input;
    final List<DataOverride> dataOverrides;
    /** Function name to a replacement: a function name (String) or a constant (Value). */
    final Map<String, Object> functionOverrides;
    /** Documents of rule nodes, by node (identity: one node per path). */
    final Map<RuleNode, Value> nodeCache = new HashMap<>();
    /** Documents at one key below rules with dynamic keys, evaluated for that key only. */
    final Map<List<Value>, Value> keyedCache = new HashMap<>();

    final Map<FunctionCall, Value> functionCache = new HashMap<>();

    record FunctionCall(String name, List<Value> args) {}

    /** Marks a cached undefined result. */
    static final Value UNDEFINED = io.maestro.conductor.policy.rego.value.StringValue.of("\u0000undefined");

    Frame(Value input, List<DataOverride> dataOverrides, Map<String, Object> functionOverrides) {
        this.input = input;
        this.dataOverrides = dataOverrides;
        this.functionOverrides = functionOverrides;
    }

    Frame with(Value newInput, List<DataOverride> moreData, Map<String, Object> moreFunctions) {
        List<DataOverride> data = new ArrayList<>(dataOverrides);
        for (DataOverride d : moreData) {
            data.removeIf(o -> startsWith(o.path(), d.path()));
            data.add(d);
        }
        Map<String, Object> fns = new HashMap<>(functionOverrides);
        fns.putAll(moreFunctions);
        return new Frame(newInput, data, fns);
    }

    Frame withoutFunctionOverrides() {
        return functionOverrides.isEmpty() ? this : new Frame(input, dataOverrides, Map.of());
    }

    /** The override replacing exactly this path or one of its prefixes, applied to the path's rest. */
    Value overrideAt(List<Value> path) {
        for (DataOverride d : dataOverrides) {
            if (startsWith(path, d.path())) {
                Value v = d.value();
                for (int i = d.path().size(); i < path.size() && v != null; i++) v = ValueOps.index(v, path.get(i));
                return v == null ? UNDEFINED : v;
            }
        }
        return null;
    }

    boolean hasOverrideBelow(List<Value> path) {
        for (DataOverride d : dataOverrides)
            if (d.path().size() > path.size() && startsWith(d.path(), path)) return true;
        return false;
    }

    /** Applies the overrides strictly below {@code path} to that path's value. */
    Value patchBelow(List<Value> path, Value value) {
        Value out = value;
        for (DataOverride d : dataOverrides) {
            if (d.path().size() > path.size() && startsWith(d.path(), path)) {
                out = ValueOps.put(out, d.path().subList(path.size(), d.path().size()), d.value());
            }
        }
        return out;
    }

    static boolean startsWith(List<Value> path, List<Value> prefix) {
        if (prefix.size() > path.size()) return false;
        for (int i = 0; i < prefix.size(); i++) if (!path.get(i).equals(prefix.get(i))) return false;
        return true;
    }
}
