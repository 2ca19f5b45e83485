package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds rules that depend on themselves (through refs into {@code data} or function calls) and reports
 * them as {@code rego_recursion_error}, as OPA forbids recursion.
 */
final class Recursion {
    private final RuleNode root;
    private final Map<RuleNode, Set<RuleNode>> edges = new HashMap<>();

    Recursion(RuleNode root) {
        this.root = root;
    }

    void check(List<RegoError> errors) {
        List<RuleNode> all = new ArrayList<>();
        collectNodes(root, all);
        for (RuleNode n : all) {
            Set<RuleNode> deps = new LinkedHashSet<>();
            for (CompiledRule r : rulesOf(n)) {
                for (CompiledRule c = r; c != null; c = c.elseRule()) dependencies(c, deps);
            }
            edges.put(n, deps);
        }
        Set<RuleNode> done = new HashSet<>();
        for (RuleNode n : all) {
            List<RuleNode> stack = new ArrayList<>();
            if (cycle(n, stack, new HashSet<>(), done)) {
                RuleNode first = stack.get(stack.size() - 1);
                StringBuilder chain = new StringBuilder();
                int from = stack.indexOf(first);
                for (int i = from; i < stack.size() - 1; i++)
                    chain.append(stack.get(i).dottedName()).append(" -> ");
                chain.append(first.dottedName());
                CompiledRule rule = rulesOf(first).get(0);
                errors.add(new RegoError(
                        RegoException.RECURSION_ERROR,
                        "rule " + first.dottedName() + " is recursive: " + chain,
                        rule.loc().file(),
                        rule.loc().line(),
                        rule.loc().col()));
                return;
            }
        }
    }

    private boolean cycle(RuleNode n, List<RuleNode> stack, Set<RuleNode> onStack, Set<RuleNode> done) {
        if (onStack.contains(n)) {
            stack.add(n);
            return true;
        }
        if (done.contains(n)) return false;
        stack.add(n);
        onStack.add(n);
        for (RuleNode d : edges.getOrDefault(n, Set.of())) {
            if (cycle(d, stack, onStack, done)) return true;
        }
        onStack.remove(n);
        stack.remove(stack.size() - 1);
        done.add(n);
        return false;
    }

    private static List<CompiledRule> rulesOf(RuleNode n) {
        List<CompiledRule> out = new ArrayList<>(n.rules());
        if (n.defaultRule() != null) out.add(n.defaultRule());
        return out;
    }

    private static void collectNodes(RuleNode n, List<RuleNode> out) {
        if (n.hasRules()) out.add(n);
        n.children().values().forEach(c -> collectNodes(c, out));
    }

    private void dependencies(CompiledRule r, Set<RuleNode> out) {
        List<Term> terms = new ArrayList<>(r.keys());
        terms.add(r.value());
        if (r.args() != null) terms.addAll(r.args());
        terms.forEach(t -> term(t, out));
        r.body().forEach(e -> expr(e, out));
    }

    private void expr(Expr e, Set<RuleNode> out) {
        Expr.Stmt s = e.stmt();
        if (s instanceof Expr.TermStmt ts) term(ts.term(), out);
        if (s instanceof Expr.Unify u) {
            term(u.left(), out);
            term(u.right(), out);
        }
        if (s instanceof Expr.Assign a) {
            term(a.left(), out);
            term(a.right(), out);
        }
        if (s instanceof Expr.SomeIn si) term(si.collection(), out);
        if (s instanceof Expr.Every ev) {
            term(ev.collection(), out);
            ev.body().forEach(b -> expr(b, out));
        }
        if (s instanceof Expr.Block block) block.body().forEach(b -> expr(b, out));
        for (Expr.With w : e.withs()) term(w.value(), out);
    }

    private void term(Term t, Set<RuleNode> out) {
        if (t instanceof Term.Ref r) {
            if (r.head() instanceof Term.Var v && v.name().equals("data")) {
                List<Value> prefix = new ArrayList<>();
                for (Term p : r.path()) {
                    if (!(p instanceof Term.Scalar s)) break;
                    prefix.add(s.value());
                }
                refDeps(prefix, out);
            } else {
                term(r.head(), out);
            }
            r.path().forEach(p -> term(p, out));
        } else if (t instanceof Term.Var v && v.name().equals("data")) {
            refDeps(List.of(), out);
        } else if (t instanceof Term.Call c) {
            if (c.name().startsWith("data.")) {
                List<Value> prefix = new ArrayList<>();
                for (String part : c.name().substring(5).split("\\."))
                    prefix.add(io.maestro.conductor.policy.rego.value.StringValue.of(part));
                refDeps(prefix, out);
            }
            c.args().forEach(a -> term(a, out));
        } else if (t instanceof Term.ArrayTerm a) {
            a.elements().forEach(x -> term(x, out));
        } else if (t instanceof Term.SetTerm s) {
            s.elements().forEach(x -> term(x, out));
        } else if (t instanceof Term.ObjectTerm o) {
            o.keys().forEach(x -> term(x, out));
            o.values().forEach(x -> term(x, out));
        } else if (t instanceof Term.ArrayCompr ac) {
            term(ac.head(), out);
            ac.body().forEach(b -> expr(b, out));
        } else if (t instanceof Term.SetCompr sc) {
            term(sc.head(), out);
            sc.body().forEach(b -> expr(b, out));
        } else if (t instanceof Term.ObjectCompr oc) {
            term(oc.key(), out);
            term(oc.value(), out);
            oc.body().forEach(b -> expr(b, out));
        }
    }

    /** Nodes a ref with this constant prefix may read: along the prefix, and everything below its end. */
    private void refDeps(List<Value> prefix, Set<RuleNode> out) {
        RuleNode n = root;
        for (Value k : prefix) {
            if (n.hasRules()) {
                out.add(n);
                return;
            }
            n = n.children().get(k);
            if (n == null) return;
        }
        List<RuleNode> below = new ArrayList<>();
        collectNodes(n, below);
        out.addAll(below);
    }
}
