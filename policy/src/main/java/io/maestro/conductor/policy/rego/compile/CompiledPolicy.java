package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.builtins.Builtins;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The immutable result of compiling modules: the rule tree, base data and the builtin table. */
public final class CompiledPolicy {
    private final RuleNode root;
    private final Value baseData;
    private final Builtins builtins;
    private final List<String> packages;
    private final Map<String, RuleNode> functions = new HashMap<>();

    CompiledPolicy(RuleNode root, Value baseData, Builtins builtins, List<String> packages) {
        this.root = root;
        this.baseData = baseData;
        this.builtins = builtins;
        this.packages = List.copyOf(packages);
        index(root);
    }

    private void index(RuleNode node) {
        if (node.isFunction()) functions.put(node.dottedName(), node);
        node.children().values().forEach(this::index);
    }

    public RuleNode root() {
        return root;
    }

    public Value baseData() {
        return baseData;
    }

    public Builtins builtins() {
        return builtins;
    }

    public List<String> packages() {
        return packages;
    }

    /** The function node for a dotted name ({@code data.pkg.f}), or null. */
    public RuleNode function(String name) {
        return functions.get(name);
    }
}
