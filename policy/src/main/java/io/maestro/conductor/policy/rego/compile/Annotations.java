package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Annotation;
import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Module;
import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annotations of all modules, by what they apply to, and the compile-time answer to
 * {@code rego.metadata.chain()} and {@code rego.metadata.rule()} for each rule (as OPA, which replaces both
 * calls by constants before evaluation). A chain lists, closest first: the rule's own {@code rule}-scope
 * blocks (or one entry with only the rule's path when it has none), the {@code document} block of the rule's
 * path, the {@code package} block of its package (from any module), then the {@code subpackages} blocks of the
 * package and its ancestors, nearest first. Paths leave out {@code data}. {@code rego.metadata.rule()} is the
 * first entry's annotations, or an empty object.
 */
final class Annotations {
    static final String CHAIN = "rego.metadata.chain";
    static final String RULE = "rego.metadata.rule";

    private final Map<List<Value>, Annotation> byPackage = new HashMap<>();
    private final Map<List<Value>, Annotation> byDocument = new HashMap<>();
    private final Map<List<Value>, Annotation> bySubpackages = new HashMap<>();

    Annotations(List<Module> modules, List<RegoError> errors) {
        for (Module m : modules) {
            for (Annotation a : m.annotations()) {
                switch (a.scope()) {
                    case Annotation.PACKAGE -> add(byPackage, packagePath(m), a, errors);
                    case Annotation.SUBPACKAGES -> add(bySubpackages, packagePath(m), a, errors);
                    case Annotation.DOCUMENT ->
                        add(byDocument, rulePath(m, m.rules().get(a.ruleIndex())), a, errors);
                    default -> {}
                }
            }
        }
    }

    private static void add(Map<List<Value>, Annotation> map, List<Value> path, Annotation a, List<RegoError> errors) {
        Annotation earlier = map.putIfAbsent(path, a);
        if (earlier != null) {
            errors.add(new RegoError(
                    RegoException.TYPE_ERROR,
                    a.scope() + " annotation redeclared: " + earlier.loc().file() + ":"
                            + earlier.loc().line(),
                    a.loc().file(),
                    a.loc().line(),
                    a.loc().col()));
        }
    }

    /** The rule with its {@code rego.metadata.*()} calls replaced by constants (the same rule when it has none). */
    Rule rewrite(Module module, int ruleIndex, Rule resolved) {
        if (!mentions(resolved)) return resolved;
        List<Annotation> own = new ArrayList<>();
        for (Annotation a : module.annotations()) {
            if (a.ruleIndex() == ruleIndex && a.scope().equals(Annotation.RULE)) own.add(a);
        }
        own.sort(Comparator.comparingInt((Annotation a) -> a.loc().line()).reversed());
        return rewrite(module, module.rules().get(ruleIndex), resolved, own);
    }

    private Rule rewrite(Module module, Rule source, Rule rule, List<Annotation> own) {
        ArrayValue chain = chain(module, source, own);
        Value first = ((ObjectValue) chain.elements().get(0)).get(StringValue.of("annotations"));
        Value ruleValue = first == null ? ObjectValue.EMPTY : first;
        Rewriter r = new Rewriter(chain, ruleValue);
        List<Term> ref = r.terms(rule.ref());
        List<Term> args = rule.args() == null ? null : r.terms(rule.args());
        Term value = r.term(rule.value());
        List<Expr> body = r.body(rule.body());
        // an else branch is its own rule in OPA: no rule-scope blocks of its own
        Rule elseRule = rule.elseRule() == null ? null : rewrite(module, source, rule.elseRule(), List.of());
        return rule.withBody(body, value, ref, args, elseRule);
    }

    private ArrayValue chain(Module module, Rule source, List<Annotation> own) {
        List<Value> path = rulePath(module, source);
        List<Value> out = new ArrayList<>();
        if (own.isEmpty()) out.add(entry(path, null));
        for (Annotation a : own) out.add(entry(path, a));
        Annotation document = byDocument.get(path);
        if (document != null) out.add(entry(path, document));
        List<Value> pkg = packagePath(module);
        Annotation pkgAnnotation = byPackage.get(pkg);
        if (pkgAnnotation != null) out.add(entry(pkg, pkgAnnotation));
        for (int n = pkg.size(); n >= 1; n--) {
            Annotation sub = bySubpackages.get(pkg.subList(0, n));
            if (sub != null) out.add(entry(pkg.subList(0, n), sub));
        }
        return new ArrayValue(out);
    }

    private static Value entry(List<Value> path, Annotation a) {
        Map<Value, Value> out = new TreeMap<>();
        out.put(StringValue.of("path"), new ArrayValue(List.copyOf(path)));
        if (a != null) out.put(StringValue.of("annotations"), a.value());
        return ObjectValue.of(out);
    }

    private static List<Value> packagePath(Module m) {
        List<Value> out = new ArrayList<>();
        m.pkg().forEach(p -> out.add(StringValue.of(p)));
        return out;
    }

    /** The package path and the constant leading terms of the rule's head (OPA's ground prefix). */
    private static List<Value> rulePath(Module m, Rule rule) {
        List<Value> out = packagePath(m);
        for (Term t : rule.ref()) {
            if (!(t instanceof Term.Scalar s)) break;
            out.add(s.value());
        }
        return out;
    }

    private static boolean mentions(Rule rule) {
        Finder f = new Finder();
        rule.ref().forEach(f::term);
        if (rule.args() != null) rule.args().forEach(f::term);
        f.term(rule.value());
        f.body(rule.body());
        return f.found || (rule.elseRule() != null && mentions(rule.elseRule()));
    }

    private static boolean isMetadataCall(Term.Call c) {
        return c.args().isEmpty() && (c.name().equals(CHAIN) || c.name().equals(RULE));
    }

    /** Looks for a {@code rego.metadata.*()} call anywhere in a rule. */
    private static final class Finder extends TermWalker {
        boolean found;

        @Override
        void call(Term.Call c) {
            if (isMetadataCall(c)) found = true;
        }

        @Override
        void body(List<Expr> body) {
            for (Expr e : body) {
                stmt(e.stmt());
                for (Expr.With w : e.withs()) {
                    term(w.target());
                    term(w.value());
                }
            }
        }
    }

    /** Replaces the calls by the rule's constants. */
    private record Rewriter(Value chain, Value rule) {
        List<Expr> body(List<Expr> body) {
            List<Expr> out = new ArrayList<>(body.size());
            for (Expr e : body) {
                List<Expr.With> withs = new ArrayList<>(e.withs().size());
                for (Expr.With w : e.withs()) withs.add(new Expr.With(term(w.target()), term(w.value()), w.loc()));
                out.add(new Expr(stmt(e.stmt()), e.negated(), withs, e.loc()));
            }
            return out;
        }

        Expr.Stmt stmt(Expr.Stmt s) {
            if (s instanceof Expr.TermStmt t) return new Expr.TermStmt(term(t.term()));
            if (s instanceof Expr.Unify u) return new Expr.Unify(term(u.left()), term(u.right()));
            if (s instanceof Expr.Assign a) return new Expr.Assign(term(a.left()), term(a.right()));
            if (s instanceof Expr.SomeIn si)
                return new Expr.SomeIn(term(si.key()), term(si.value()), term(si.collection()));
            if (s instanceof Expr.Every ev) {
                return new Expr.Every(term(ev.key()), term(ev.value()), term(ev.collection()), body(ev.body()));
            }
            if (s instanceof Expr.Block block) return new Expr.Block(body(block.body()));
            return s;
        }

        List<Term> terms(List<Term> ts) {
            List<Term> out = new ArrayList<>(ts.size());
            for (Term t : ts) out.add(term(t));
            return out;
        }

        Term term(Term t) {
            if (t == null) return null;
            if (t instanceof Term.Call c) {
                if (isMetadataCall(c)) return new Term.Scalar(c.name().equals(CHAIN) ? chain : rule, c.loc());
                return new Term.Call(c.name(), terms(c.args()), c.loc());
            }
            if (t instanceof Term.Ref r) return new Term.Ref(term(r.head()), terms(r.path()), r.loc());
            if (t instanceof Term.ArrayTerm a) return new Term.ArrayTerm(terms(a.elements()), a.loc());
            if (t instanceof Term.SetTerm s) return new Term.SetTerm(terms(s.elements()), s.loc());
            if (t instanceof Term.ObjectTerm o) return new Term.ObjectTerm(terms(o.keys()), terms(o.values()), o.loc());
            if (t instanceof Term.ArrayCompr ac) return new Term.ArrayCompr(term(ac.head()), body(ac.body()), ac.loc());
            if (t instanceof Term.SetCompr sc) return new Term.SetCompr(term(sc.head()), body(sc.body()), sc.loc());
            if (t instanceof Term.ObjectCompr oc) {
                return new Term.ObjectCompr(term(oc.key()), term(oc.value()), body(oc.body()), oc.loc());
            }
            return t;
        }
    }
}
