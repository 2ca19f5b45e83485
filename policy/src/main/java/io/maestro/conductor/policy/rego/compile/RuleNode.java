package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node of the virtual document tree under {@code data}: the rules whose constant head prefix ends
 * here, the default rule if any, and child nodes by key. Built once at compile time, read-only after.
 */
public final class RuleNode {
    private final List<Value> path;
    private final Map<Value, RuleNode> children = new TreeMap<>();
    private final List<CompiledRule> rules = new ArrayList<>();
    // Read-only views made once: evaluation asks for them on every data lookup.
    private final Map<Value, RuleNode> childrenView = Collections.unmodifiableMap(children);
    private final List<CompiledRule> rulesView = Collections.unmodifiableList(rules);
    private CompiledRule defaultRule;

    RuleNode(List<Value> path) {
        this.path = List.copyOf(path);
    }

    public List<Value> path() {
        return path;
    }

    public Map<Value, RuleNode> children() {
        return childrenView;
    }

    public List<CompiledRule> rules() {
        return rulesView;
    }

    public CompiledRule defaultRule() {
        return defaultRule;
    }

    public boolean hasRules() {
        return !rules.isEmpty() || defaultRule != null;
    }

    public boolean isFunction() {
        return !rules.isEmpty()
                ? rules.get(0).kind() == Rule.Kind.FUNCTION
                : defaultRule != null && defaultRule.kind() == Rule.Kind.FUNCTION;
    }

    RuleNode child(Value key) {
        return children.computeIfAbsent(key, k -> {
            List<Value> p = new ArrayList<>(path);
            p.add(k);
            return new RuleNode(p);
        });
    }

    void add(CompiledRule rule) {
        rules.add(rule);
    }

    void setDefault(CompiledRule rule) {
        defaultRule = rule;
    }

    /** The node at a relative path, or null. */
    public RuleNode find(List<Value> rel) {
        RuleNode n = this;
        for (Value k : rel) {
            n = n.children.get(k);
            if (n == null) return null;
        }
        return n;
    }

    /** {@code data.a.b} style name of this node. */
    public String dottedName() {
        StringBuilder out = new StringBuilder("data");
        for (Value v : path) {
            out.append('.')
                    .append(
                            v instanceof io.maestro.conductor.policy.rego.value.StringValue s
                                    ? s.value()
                                    : v.toString());
        }
        return out.toString();
    }
}
