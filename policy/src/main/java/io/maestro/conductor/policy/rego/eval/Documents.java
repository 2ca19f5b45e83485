package io.maestro.conductor.policy.rego.eval;

import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.compile.CompiledRule;
import io.maestro.conductor.policy.rego.compile.RuleNode;
import io.maestro.conductor.policy.rego.eval.Evaluator.ValueCont;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code data} document of one query: base data, rule values (complete, partial set, partial object,
 * ref heads) and {@code with} replacements, merged per path and cached per {@link Frame}.
 */
final class Documents {
    private final Evaluator ev;

    Documents(Evaluator ev) {
        this.ev = ev;
    }

    void evalData(List<Value> prefix, RuleNode node, List<Term> path, int i, Bindings b, ValueCont k) {
        ev.budget.step();
        // Constant keys through package nodes (no rules, nothing replaced): step down in place, not by recursion.
        while (node != null
                && !node.hasRules()
                && i < path.size()
                && path.get(i) instanceof Term.Scalar s
                && ev.frame.dataOverrides.isEmpty()) {
            RuleNode child = node.children().get(s.value());
            if (child == null) break;
            ev.budget.step();
            node = child;
            prefix = child.path();
            i++;
        }
        evalDataAt(prefix, node, path, i, b, k);
    }

    private void evalDataAt(List<Value> prefix, RuleNode node, List<Term> path, int i, Bindings b, ValueCont k) {
        if (lookupByKey(prefix, node, path, i, b)) {
            ev.evalTerm(path.get(i), b, key -> {
                Value v = keyed(prefix, node, key);
                if (v != null) ev.walkValue(v, path, i + 1, b, k);
            });
            return;
        }
        if (node == null || node.hasRules() || i == path.size() || overridden(prefix)) {
            Value doc = docAt(prefix, node);
            if (doc != null) ev.walkValue(doc, path, i, b, k);
            return;
        }
        Term p = path.get(i);
        if (p instanceof Term.Scalar s) {
            descend(prefix, node, s.value(), path, i, b, k);
            return;
        }
        if (!ev.unboundPattern(p, b)) {
            ev.evalTerm(p, b, key -> descend(prefix, node, key, path, i, b, k));
            return;
        }
        TreeSet<Value> keys = new TreeSet<>();
        node.children().forEach((key, child) -> {
            if (!child.isFunction()) keys.add(key);
        });
        if (baseAt(prefix) instanceof ObjectValue o) keys.addAll(o.entries().keySet());
        for (Value key : keys) {
            if (ev.halted) return;
            ev.unifyValue(p, key, b, () -> descend(prefix, node, key, path, i, b, k));
        }
    }

    /** Continues at the child for {@code key}; a rule node's prefix is its own path, so only base data allocates one. */
    private void descend(
            List<Value> prefix, RuleNode node, Value key, List<Term> path, int i, Bindings b, ValueCont k) {
        RuleNode child = node.children().get(key);
        evalData(child != null ? child.path() : append(prefix, key), child, path, i + 1, b, k);
    }

    /**
     * A ground key into rules with dynamic keys ({@code p[k] := v}) evaluates only those rules with the key
     * bound, as OPA does: faster, and other keys' conflicts or errors stay out of the answer.
     */
    private boolean lookupByKey(List<Value> prefix, RuleNode node, List<Term> path, int i, Bindings b) {
        return node != null
                && i < path.size()
                && !node.rules().isEmpty()
                && !node.rules().get(0).keys().isEmpty()
                && ev.frame.dataOverrides.isEmpty()
                && !ev.frame.nodeCache.containsKey(node)
                && !ev.unboundPattern(path.get(i), b);
    }

    private Value keyed(List<Value> prefix, RuleNode node, Value key) {
        List<Value> at = append(prefix, key);
        Value cached = ev.frame.keyedCache.get(at);
        if (cached != null) return cached == Frame.UNDEFINED ? null : cached;
        ev.budget.enter();
        try {
            DocBuilder built = new DocBuilder();
            for (CompiledRule r : node.rules()) {
                Bindings b = new Bindings();
                ev.unifyValue(r.keys().get(0), key, b, () -> ev.evalBody(r.body(), 0, b, () -> collect(r, b, built)));
            }
            Value v = built.valueAt(key);
            RuleNode child = node.children().get(key);
            Value childDoc = child == null ? null : docAt(at, child);
            if (childDoc != null) {
                v = v == null ? childDoc : ValueOps.merge(v, childDoc);
                if (v == null)
                    throw Evaluator.conflict(
                            "object keys must be unique", node.rules().get(0).loc());
            }
            Value base = baseAt(at);
            if (base != null) v = v == null ? base : ValueOps.overlay(v, base);
            ev.frame.keyedCache.put(at, v == null ? Frame.UNDEFINED : v);
            return v;
        } finally {
            ev.budget.leave();
        }
    }

    boolean overridden(List<Value> prefix) {
        return !ev.frame.dataOverrides.isEmpty() && ev.frame.overrideAt(prefix) != null;
    }

    static List<Value> append(List<Value> prefix, Value key) {
        List<Value> out = new ArrayList<>(prefix.size() + 1);
        out.addAll(prefix);
        out.add(key);
        return out;
    }

    /** The whole document at a path: overrides first, then rules, then base data; null when undefined. */
    Value docAt(List<Value> prefix, RuleNode node) {
        if (!ev.frame.dataOverrides.isEmpty()) {
            Value o = ev.frame.overrideAt(prefix);
            if (o != null) return o == Frame.UNDEFINED ? null : o;
        }
        if (node == null) return baseAt(prefix);
        if (node.isFunction()) return null;
        Value cached = ev.frame.nodeCache.get(node);
        if (cached != null) return cached == Frame.UNDEFINED ? null : cached;
        Value v = nodeValue(prefix, node);
        Value base = baseAt(prefix);
        if (base != null) v = v == null ? base : ValueOps.overlay(v, base);
        if (ev.frame.hasOverrideBelow(prefix) && v != null) v = ev.frame.patchBelow(prefix, v);
        ev.frame.nodeCache.put(node, v == null ? Frame.UNDEFINED : v);
        return v;
    }

    Value baseAt(List<Value> prefix) {
        Value v = ev.policy.baseData();
        for (Value key : prefix) {
            if (v == null) break;
            v = ValueOps.index(v, key);
        }
        if (ev.frame.hasOverrideBelow(prefix)) v = ev.frame.patchBelow(prefix, v == null ? ObjectValue.EMPTY : v);
        return v;
    }

    Value nodeValue(List<Value> prefix, RuleNode node) {
        ev.budget.enter();
        try {
            List<CompiledRule> rules = node.rules();
            CompiledRule sample = rules.isEmpty() ? node.defaultRule() : rules.get(0);
            if (sample != null && sample.keys().isEmpty()) {
                return sample.kind() == Rule.Kind.MULTI ? partialSet(rules) : complete(node);
            }
            Map<Value, Value> doc = new TreeMap<>();
            if (!rules.isEmpty()) {
                DocBuilder built = dynamic(rules);
                if (!built.mergeInto(doc))
                    throw Evaluator.conflict(
                            "object keys must be unique", rules.get(0).loc());
            }
            for (Map.Entry<Value, RuleNode> child : node.children().entrySet()) {
                if (child.getValue().isFunction()) continue;
                Value cv = docAt(child.getValue().path(), child.getValue());
                if (cv == null) continue;
                Value prior = doc.get(child.getKey());
                Value merged = prior == null ? cv : ValueOps.merge(prior, cv);
                if (merged == null)
                    throw Evaluator.conflict(
                            "object keys must be unique",
                            rules.isEmpty() ? Loc.NONE : rules.get(0).loc());
                doc.put(child.getKey(), merged);
            }
            return ObjectValue.of(doc);
        } finally {
            ev.budget.leave();
        }
    }

    Value complete(RuleNode node) {
        List<Value> results = new ArrayList<>(1);
        for (CompiledRule rule : node.rules()) {
            for (CompiledRule r = rule; r != null; r = r.elseRule()) {
                Bindings b = new Bindings();
                boolean[] succeeded = {false};
                CompiledRule current = r;
                ev.definition(current.value(), k -> ev.evalBody(current.body(), 0, b, k), () -> {
                    succeeded[0] = true;
                    ev.evalTerm(
                            current.value(),
                            b,
                            v -> addDistinct(
                                    results,
                                    v,
                                    () -> Evaluator.conflict(
                                            "complete rules must not produce " + "multiple outputs: rule "
                                                    + node.dottedName() + " produced conflicting values",
                                            current.loc())));
                });
                if (succeeded[0]) break;
            }
        }
        if (!results.isEmpty()) return results.get(0);
        return node.defaultRule() == null ? null : ev.first(node.defaultRule().value(), new Bindings());
    }

    static void addDistinct(List<Value> results, Value v, java.util.function.Supplier<RegoException> conflict) {
        if (results.isEmpty()) {
            results.add(v);
        } else if (!results.get(0).equals(v)) {
            throw conflict.get();
        }
    }

    Value partialSet(List<CompiledRule> rules) {
        TreeSet<Value> out = new TreeSet<>();
        for (CompiledRule r : rules) {
            Bindings b = new Bindings();
            ev.definition(r.value(), k -> ev.evalBody(r.body(), 0, b, k), () -> ev.evalTerm(r.value(), b, out::add));
        }
        return SetValue.of(out);
    }

    DocBuilder dynamic(List<CompiledRule> rules) {
        DocBuilder out = new DocBuilder();
        for (CompiledRule r : rules) {
            Bindings b = new Bindings();
            ev.evalBody(r.body(), 0, b, () -> collect(r, b, out));
        }
        return out;
    }

    /** Adds one solution of a dynamic-key rule: its keys and value (or set element). */
    private void collect(CompiledRule r, Bindings b, DocBuilder out) {
        ev.evalList(
                r.keys(),
                0,
                new Value[r.keys().size()],
                b,
                keys -> ev.evalTerm(r.value(), b, v -> {
                    boolean ok = r.kind() == Rule.Kind.MULTI
                            ? out.add(Arrays.asList(keys), v)
                            : out.put(Arrays.asList(keys), v);
                    if (!ok) throw Evaluator.conflict("object keys must be unique", r.loc());
                }));
    }
}
