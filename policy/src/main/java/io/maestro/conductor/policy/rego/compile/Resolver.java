package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.ast.Module;
import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Resolves names the way OPA does: locally declared variables ({@code some}, {@code :=}, function
 * arguments, {@code every}) shadow imports and the package's rules; other names become refs into
 * {@code data}. Variables declared inside comprehensions and {@code every} get fresh names so they never
 * clash with the enclosing body. {@code with} targets and values naming functions become
 * {@link Term.Call} markers with no arguments.
 */
final class Resolver {
    private final List<String> pkg;
    private final Set<String> ruleRoots;
    private final Map<String, List<String>> imports = new HashMap<>();
    private final Predicate<String> isFunction;
    private final ToIntFunction<String> arity;
    private final List<RegoError> errors;
    private int fresh;

    private static final class Scope {
        final Map<String, String> names = new HashMap<>();
        final Scope parent;
        final boolean keepNames;

        Scope(Scope parent, boolean keepNames) {
            this.parent = parent;
            this.keepNames = keepNames;
        }

        String lookup(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                String n = s.names.get(name);
                if (n != null) return n;
            }
            return null;
        }
    }

    /**
     * @param pkg        the package path (empty for queries)
     * @param ruleRoots  first segments of the package's rule heads
     * @param imports    the module's imports (empty for queries)
     * @param isFunction whether a dotted name ({@code data.a.f}, {@code count}) is callable
     * @param arity      a callable's declared arity, or -1 when unknown or variadic
     */
    Resolver(
            List<String> pkg,
            Set<String> ruleRoots,
            List<Module.Import> imports,
            Predicate<String> isFunction,
            ToIntFunction<String> arity,
            List<RegoError> errors) {
        this.pkg = pkg;
        this.ruleRoots = ruleRoots;
        imports.forEach(i -> this.imports.put(i.alias(), i.path()));
        this.isFunction = isFunction;
        this.arity = arity;
        this.errors = errors;
    }

    Rule rule(Rule r) {
        Scope scope = new Scope(null, false);
        if (r.args() != null) r.args().forEach(a -> Vars.all(a).forEach(v -> scope.names.put(v, v)));
        List<Expr> body = body(r.body(), scope);
        List<Term> ref = new ArrayList<>();
        ref.add(r.ref().get(0));
        for (int i = 1; i < r.ref().size(); i++) ref.add(term(r.ref().get(i), scope));
        List<Term> args = null;
        if (r.args() != null) {
            args = new ArrayList<>();
            for (Term a : r.args()) args.add(term(a, scope));
        }
        Term value = term(r.value(), scope);
        Rule elseRule = r.elseRule() == null ? null : rule(r.elseRule());
        return r.withBody(body, value, ref, args, elseRule);
    }

    List<Expr> query(List<Expr> q) {
        return body(q, new Scope(null, true));
    }

    /** Declares variables from this point of a body on; they get fresh names unless the scope keeps names. */
    private void declare(Set<String> names, Scope scope) {
        for (String v : names) scope.names.put(v, scope.keepNames ? v : v + "$" + (fresh++));
    }

    private List<Expr> body(List<Expr> body, Scope scope) {
        List<Expr> out = new ArrayList<>(body.size());
        for (Expr e : body) out.add(expr(e, scope));
        return out;
    }

    private Expr expr(Expr e, Scope scope) {
        Expr.Stmt s = e.stmt();
        Expr.Stmt r;
        if (s instanceof Expr.TermStmt ts) {
            r = outputCall(term(ts.term(), scope));
        } else if (s instanceof Expr.Unify u) {
            r = new Expr.Unify(term(u.left(), scope), term(u.right(), scope));
        } else if (s instanceof Expr.Assign a) {
            Term right = term(a.right(), scope);
            for (String v : Vars.direct(a.left())) {
                if (scope.names.containsKey(v) && !v.startsWith("$_")) {
                    errors.add(new RegoError(
                            RegoException.COMPILE_ERROR,
                            "var " + v + " assigned above",
                            e.loc().file(),
                            e.loc().line(),
                            e.loc().col()));
                }
            }
            declare(Vars.direct(a.left()), scope);
            r = new Expr.Assign(term(a.left(), scope), right);
        } else if (s instanceof Expr.SomeDecl d) {
            Set<String> names = new LinkedHashSet<>();
            d.vars().forEach(v -> names.add(v.name()));
            declare(names, scope);
            List<Term.Var> vars = new ArrayList<>();
            d.vars().forEach(v -> vars.add(new Term.Var(scope.lookup(v.name()), v.loc())));
            r = new Expr.SomeDecl(vars);
        } else if (s instanceof Expr.SomeIn si) {
            Term coll = term(si.collection(), scope);
            Set<String> names = new LinkedHashSet<>();
            if (si.key() != null) names.addAll(Vars.direct(si.key()));
            names.addAll(Vars.direct(si.value()));
            declare(names, scope);
            r = new Expr.SomeIn(si.key() == null ? null : term(si.key(), scope), term(si.value(), scope), coll);
        } else if (s instanceof Expr.Block block) {
            r = new Expr.Block(body(block.body(), new Scope(scope, false)));
        } else {
            Expr.Every ev = (Expr.Every) s;
            Term coll = term(ev.collection(), scope);
            Scope inner = new Scope(scope, false);
            Set<String> names = new LinkedHashSet<>();
            if (ev.key() != null) names.add(((Term.Var) ev.key()).name());
            names.add(((Term.Var) ev.value()).name());
            declare(names, inner);
            r = new Expr.Every(
                    ev.key() == null ? null : term(ev.key(), inner),
                    term(ev.value(), inner),
                    coll,
                    body(ev.body(), inner));
        }
        List<Expr.With> withs = new ArrayList<>();
        for (Expr.With w : e.withs()) withs.add(with(w, scope));
        return new Expr(r, e.negated(), withs, e.loc());
    }

    /** {@code count(x, n)} means {@code n = count(x)}: one operand more than declared receives the result. */
    private Expr.Stmt outputCall(Term t) {
        if (t instanceof Term.Call c
                && arity.applyAsInt(c.name()) >= 0
                && c.args().size() == arity.applyAsInt(c.name()) + 1) {
            Term result = c.args().get(c.args().size() - 1);
            return new Expr.Unify(
                    result, new Term.Call(c.name(), c.args().subList(0, c.args().size() - 1), c.loc()));
        }
        return new Expr.TermStmt(t);
    }

    private Expr.With with(Expr.With w, Scope scope) {
        Term target = term(w.target(), scope);
        String targetName = dottedName(target);
        boolean dataOrInput = target instanceof Term.Var v && Vars.isRoot(v.name())
                || target instanceof Term.Ref r && r.head() instanceof Term.Var v2 && Vars.isRoot(v2.name());
        if (targetName != null && (!dataOrInput || isFunction.test(targetName))) {
            target = new Term.Call(targetName, List.of(), target.loc());
        }
        Term value = term(w.value(), scope);
        String valueName = dottedName(value);
        boolean local = value instanceof Term.Var v && scope.lookup(v.name()) != null;
        if (valueName != null && !local && isFunction.test(valueName)) {
            value = new Term.Call(valueName, List.of(), value.loc());
        }
        return new Expr.With(target, value, w.loc());
    }

    /** {@code a.b.c} for a var or a ref with string path, else null. */
    static String dottedName(Term t) {
        if (t instanceof Term.Var v) return v.name();
        if (t instanceof Term.Ref r && r.head() instanceof Term.Var v) {
            StringBuilder out = new StringBuilder(v.name());
            for (Term p : r.path()) {
                if (!(p instanceof Term.Scalar s) || !(s.value() instanceof StringValue str)) return null;
                out.append('.').append(str.value());
            }
            return out.toString();
        }
        return null;
    }

    Term term(Term t, Scope scope) {
        if (t instanceof Term.Scalar) return t;
        if (t instanceof Term.Var v) return var(v, scope);
        if (t instanceof Term.Ref r) {
            Term head = term(r.head(), scope);
            List<Term> path = new ArrayList<>();
            if (head instanceof Term.Ref hr) {
                path.addAll(hr.path());
                head = hr.head();
            }
            for (Term p : r.path()) path.add(term(p, scope));
            return new Term.Ref(head, path, r.loc());
        }
        if (t instanceof Term.ArrayTerm a) return new Term.ArrayTerm(terms(a.elements(), scope), a.loc());
        if (t instanceof Term.SetTerm s) return new Term.SetTerm(terms(s.elements(), scope), s.loc());
        if (t instanceof Term.ObjectTerm o) {
            return new Term.ObjectTerm(terms(o.keys(), scope), terms(o.values(), scope), o.loc());
        }
        if (t instanceof Term.Call c) return new Term.Call(callName(c.name(), scope), terms(c.args(), scope), c.loc());
        Scope inner = new Scope(scope, false);
        if (t instanceof Term.ArrayCompr ac) {
            List<Expr> body = body(ac.body(), inner);
            return new Term.ArrayCompr(term(ac.head(), inner), body, ac.loc());
        }
        if (t instanceof Term.SetCompr sc) {
            List<Expr> body = body(sc.body(), inner);
            return new Term.SetCompr(term(sc.head(), inner), body, sc.loc());
        }
        Term.ObjectCompr oc = (Term.ObjectCompr) t;
        List<Expr> body = body(oc.body(), inner);
        return new Term.ObjectCompr(term(oc.key(), inner), term(oc.value(), inner), body, oc.loc());
    }

    private List<Term> terms(List<Term> ts, Scope scope) {
        List<Term> out = new ArrayList<>(ts.size());
        for (Term t : ts) out.add(term(t, scope));
        return out;
    }

    private Term var(Term.Var v, Scope scope) {
        String name = v.name();
        if (v.isWildcard()) return v;
        String local = scope.lookup(name);
        if (local != null) return new Term.Var(local, v.loc());
        List<String> imported = imports.get(name);
        if (imported != null) return pathRef(imported, v.loc());
        if (ruleRoots.contains(name)) {
            List<String> path = new ArrayList<>();
            path.add("data");
            path.addAll(pkg);
            path.add(name);
            return pathRef(path, v.loc());
        }
        return v;
    }

    private String callName(String name, Scope scope) {
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        if (scope.lookup(first) != null) return name;
        List<String> imported = imports.get(first);
        if (imported != null) return String.join(".", imported) + rest;
        if (ruleRoots.contains(first)) return "data." + (pkg.isEmpty() ? "" : String.join(".", pkg) + ".") + name;
        return name;
    }

    private static Term pathRef(List<String> path, Loc loc) {
        List<Term> rest = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) rest.add(new Term.Scalar(StringValue.of(path.get(i)), loc));
        Term.Var root = new Term.Var(path.get(0), loc);
        return rest.isEmpty() ? root : new Term.Ref(root, rest, loc);
    }
}
