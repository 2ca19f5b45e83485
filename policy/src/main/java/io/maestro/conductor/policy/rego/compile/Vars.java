package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Term;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Variable sets of terms and expressions, as the safety check needs them. The roots {@code input} and
 * {@code data} are never variables. "Closures" are comprehensions and {@code every} bodies.
 */
final class Vars {
    private Vars() {}

    static boolean isRoot(String name) {
        return name.equals("input") || name.equals("data");
    }

    /** Every variable anywhere in the term, closures included. */
    static Set<String> all(Term t) {
        Set<String> out = new LinkedHashSet<>();
        collect(t, out, true);
        return out;
    }

    static Set<String> all(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out, true);
        return out;
    }

    /** Variables outside closures. */
    static Set<String> shallow(Term t) {
        Set<String> out = new LinkedHashSet<>();
        collect(t, out, false);
        return out;
    }

    static Set<String> shallow(List<Expr> body) {
        Set<String> out = new LinkedHashSet<>();
        for (Expr e : body) collect(e, out, false);
        return out;
    }

    static void collect(Expr e, Set<String> out, boolean closures) {
        Expr.Stmt s = e.stmt();
        if (s instanceof Expr.TermStmt ts) {
            collect(ts.term(), out, closures);
        } else if (s instanceof Expr.Unify u) {
            collect(u.left(), out, closures);
            collect(u.right(), out, closures);
        } else if (s instanceof Expr.Assign a) {
            collect(a.left(), out, closures);
            collect(a.right(), out, closures);
        } else if (s instanceof Expr.SomeDecl d) {
            d.vars().forEach(v -> out.add(v.name()));
        } else if (s instanceof Expr.SomeIn si) {
            if (si.key() != null) collect(si.key(), out, closures);
            collect(si.value(), out, closures);
            collect(si.collection(), out, closures);
        } else if (s instanceof Expr.Every ev) {
            collect(ev.collection(), out, closures);
            if (closures) {
                if (ev.key() != null) collect(ev.key(), out, true);
                collect(ev.value(), out, true);
                ev.body().forEach(b -> collect(b, out, true));
            }
        } else if (s instanceof Expr.Block block && closures) {
            block.body().forEach(b -> collect(b, out, true));
        }
        for (Expr.With w : e.withs()) collect(w.value(), out, closures);
    }

    static void collect(Term t, Set<String> out, boolean closures) {
        if (t instanceof Term.Var v) {
            if (!isRoot(v.name())) out.add(v.name());
        } else if (t instanceof Term.Ref r) {
            collect(r.head(), out, closures);
            r.path().forEach(p -> collect(p, out, closures));
        } else if (t instanceof Term.ArrayTerm a) {
            a.elements().forEach(x -> collect(x, out, closures));
        } else if (t instanceof Term.SetTerm s) {
            s.elements().forEach(x -> collect(x, out, closures));
        } else if (t instanceof Term.ObjectTerm o) {
            o.keys().forEach(x -> collect(x, out, closures));
            o.values().forEach(x -> collect(x, out, closures));
        } else if (t instanceof Term.Call c) {
            c.args().forEach(x -> collect(x, out, closures));
        } else if (closures) {
            if (t instanceof Term.ArrayCompr ac) {
                collect(ac.head(), out, true);
                ac.body().forEach(b -> collect(b, out, true));
            } else if (t instanceof Term.SetCompr sc) {
                collect(sc.head(), out, true);
                sc.body().forEach(b -> collect(b, out, true));
            } else if (t instanceof Term.ObjectCompr oc) {
                collect(oc.key(), out, true);
                collect(oc.value(), out, true);
                oc.body().forEach(b -> collect(b, out, true));
            }
        }
    }

    /** Variables a unification can bind directly: bare vars, array elements, object values. */
    static Set<String> direct(Term t) {
        Set<String> out = new LinkedHashSet<>();
        direct(t, out);
        return out;
    }

    private static void direct(Term t, Set<String> out) {
        if (t instanceof Term.Var v) {
            if (!isRoot(v.name())) out.add(v.name());
        } else if (t instanceof Term.ArrayTerm a) {
            a.elements().forEach(x -> direct(x, out));
        } else if (t instanceof Term.ObjectTerm o) {
            o.values().forEach(x -> direct(x, out));
        }
    }
}
