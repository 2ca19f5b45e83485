package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.RegoError;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.ast.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * OPA's safety check with body reordering: literals are moved so that every variable is bound before an
 * expression needs it (a generator such as {@code xs[i]} or a unification binds it). A variable nothing
 * can bind is reported as {@code var x is unsafe}. Comprehension and {@code every} bodies are reordered
 * in place, seeing the variables bound before them.
 */
final class Safety {
    private final ToIntFunction<String> arity;
    private final List<RegoError> errors;

    /** @param arity a function's declared arity, or -1 when unknown */
    Safety(ToIntFunction<String> arity, List<RegoError> errors) {
        this.arity = arity;
        this.errors = errors;
    }

    /**
     * Reorders a body; {@code bound} grows by the variables the body binds.
     *
     * @param outer variables of enclosing scopes (closures share them)
     */
    List<Expr> reorder(List<Expr> body, Set<String> bound, Set<String> outer) {
        Set<String> scope = new HashSet<>(outer);
        scope.addAll(Vars.shallow(body));
        List<Expr> remaining = new ArrayList<>(body);
        List<Expr> out = new ArrayList<>(body.size());
        while (!remaining.isEmpty()) {
            Expr picked = null;
            for (Expr e : remaining) {
                if (ready(e, bound, scope)) {
                    picked = e;
                    break;
                }
            }
            if (picked == null) {
                reportUnsafe(remaining, bound, scope);
                return out;
            }
            remaining.remove(picked);
            Set<String> before = new HashSet<>(bound);
            bound.addAll(outputs(picked));
            out.add(rewriteClosures(picked, before, scope));
        }
        return out;
    }

    /** Checks head terms after the body: all their variables must be bound; rewrites their closures. */
    Term head(Term t, Set<String> bound, Set<String> scope, Loc loc) {
        if (t == null) return null;
        Set<String> missing = new TreeSet<>(inputs(t, scope));
        missing.addAll(Vars.direct(t));
        missing.removeAll(bound);
        for (String v : missing) unsafe(v, t.loc() == null ? loc : t.loc());
        return closures(t, bound, scope);
    }

    private void reportUnsafe(List<Expr> remaining, Set<String> bound, Set<String> scope) {
        Set<String> reported = new HashSet<>();
        for (Expr e : remaining) {
            Set<String> missing = new TreeSet<>(needs(e, scope));
            if (e.stmt() instanceof Expr.Unify u) addDirect(u.left(), u.right(), missing);
            if (e.stmt() instanceof Expr.Assign a) addDirect(a.left(), a.right(), missing);
            missing.removeAll(bound);
            for (String v : missing) if (reported.add(v)) unsafe(v, e.loc());
        }
    }

    private static void addDirect(Term l, Term r, Set<String> out) {
        out.addAll(Vars.direct(l));
        out.addAll(Vars.direct(r));
    }

    private void unsafe(String var, Loc loc) {
        String name = var.startsWith("$_") ? "_" : var.contains("$") ? var.substring(0, var.indexOf('$')) : var;
        errors.add(new RegoError(
                RegoException.COMPILE_ERROR, "var " + name + " is unsafe", loc.file(), loc.line(), loc.col()));
    }

    // ---- readiness ----

    private boolean ready(Expr e, Set<String> bound, Set<String> scope) {
        if (!bound.containsAll(needs(e, scope))) return false;
        Expr.Stmt s = e.stmt();
        if (s instanceof Expr.Unify u) return e.negated() || unifiable(u.left(), u.right(), bound);
        if (s instanceof Expr.Assign a) return unifiable(a.left(), a.right(), bound);
        return true;
    }

    private Set<String> needs(Expr e, Set<String> scope) {
        Set<String> need = new LinkedHashSet<>();
        Expr.Stmt s = e.stmt();
        if (s instanceof Expr.TermStmt ts) {
            Term t = ts.term();
            if (t instanceof Term.Call c && hasOutputArg(c)) {
                for (int i = 0; i < c.args().size() - 1; i++)
                    need.addAll(inputs(c.args().get(i), scope));
                need.addAll(patternInputs(c.args().get(c.args().size() - 1), scope));
            } else {
                need.addAll(inputs(t, scope));
            }
        } else if (s instanceof Expr.Unify u) {
            need.addAll(patternInputs(u.left(), scope));
            need.addAll(patternInputs(u.right(), scope));
        } else if (s instanceof Expr.Assign a) {
            need.addAll(patternInputs(a.left(), scope));
            need.addAll(patternInputs(a.right(), scope));
        } else if (s instanceof Expr.SomeIn si) {
            need.addAll(inputs(si.collection(), scope));
            if (si.key() != null) need.addAll(patternInputs(si.key(), scope));
            need.addAll(patternInputs(si.value(), scope));
        } else if (s instanceof Expr.Every ev) {
            need.addAll(inputs(ev.collection(), scope));
            Set<String> inner = new LinkedHashSet<>();
            ev.body().forEach(b -> Vars.collect(b, inner, true));
            inner.retainAll(scope);
            need.addAll(inner);
        } else if (s instanceof Expr.Block block) {
            Set<String> inner = new LinkedHashSet<>();
            block.body().forEach(b -> Vars.collect(b, inner, true));
            inner.retainAll(scope);
            need.addAll(inner);
        }
        for (Expr.With w : e.withs()) {
            if (!(w.value() instanceof Term.Call c && c.args().isEmpty())) need.addAll(inputs(w.value(), scope));
        }
        if (e.negated()) {
            // a negation binds nothing: what it would bind must be bound before it
            need.addAll(bindable(s));
            need.removeIf(v -> v.startsWith("$_"));
        }
        return need;
    }

    boolean hasOutputArg(Term.Call c) {
        int n = arity.applyAsInt(c.name());
        return n >= 0 && c.args().size() == n + 1;
    }

    private boolean unifiable(Term l, Term r, Set<String> bound) {
        if (bound.containsAll(Vars.direct(l)) || bound.containsAll(Vars.direct(r))) return true;
        if (l instanceof Term.ArrayTerm a
                && r instanceof Term.ArrayTerm b
                && a.elements().size() == b.elements().size()) {
            Set<String> local = new HashSet<>(bound);
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < a.elements().size(); i++) pending.add(i);
            boolean progress = true;
            while (!pending.isEmpty() && progress) {
                progress = false;
                for (int k = 0; k < pending.size(); k++) {
                    int i = pending.get(k);
                    if (unifiable(a.elements().get(i), b.elements().get(i), local)) {
                        local.addAll(patternOutputs(a.elements().get(i)));
                        local.addAll(patternOutputs(b.elements().get(i)));
                        pending.remove(k);
                        progress = true;
                        break;
                    }
                }
            }
            return pending.isEmpty();
        }
        if (l instanceof Term.ObjectTerm a
                && r instanceof Term.ObjectTerm b
                && a.keys().size() == b.keys().size()) {
            List<Term> left = new ArrayList<>(a.values());
            List<Term> right = new ArrayList<>();
            for (Term key : a.keys()) {
                int at = -1;
                for (int i = 0; i < b.keys().size(); i++) {
                    if (key instanceof Term.Scalar x
                            && b.keys().get(i) instanceof Term.Scalar y
                            && x.value().equals(y.value())) at = i;
                }
                if (at < 0) return false;
                right.add(b.values().get(at));
            }
            return unifiable(new Term.ArrayTerm(left, l.loc()), new Term.ArrayTerm(right, r.loc()), bound);
        }
        return false;
    }

    // ---- variable roles ----

    private Set<String> outputs(Expr e) {
        return e.negated() ? new LinkedHashSet<>() : bindable(e.stmt());
    }

    /** The variables a statement would bind, were it not negated. */
    private Set<String> bindable(Expr.Stmt s) {
        Set<String> out = new LinkedHashSet<>();
        if (s instanceof Expr.TermStmt ts) {
            Term t = ts.term();
            if (t instanceof Term.Call c && hasOutputArg(c)) {
                out.addAll(patternOutputs(c.args().get(c.args().size() - 1)));
            }
            refOutputs(t, out);
        } else if (s instanceof Expr.Unify u) {
            out.addAll(patternOutputs(u.left()));
            out.addAll(patternOutputs(u.right()));
        } else if (s instanceof Expr.Assign a) {
            out.addAll(patternOutputs(a.left()));
            out.addAll(patternOutputs(a.right()));
        } else if (s instanceof Expr.SomeIn si) {
            if (si.key() != null) out.addAll(patternOutputs(si.key()));
            out.addAll(patternOutputs(si.value()));
            refOutputs(si.collection(), out);
        }
        return out;
    }

    /** Variables that must be bound before a term can be evaluated as a value. */
    private Set<String> inputs(Term t, Set<String> scope) {
        Set<String> out = new LinkedHashSet<>();
        inputs(t, scope, out);
        return out;
    }

    private void inputs(Term t, Set<String> scope, Set<String> out) {
        if (t instanceof Term.Var v) {
            if (!Vars.isRoot(v.name())) out.add(v.name());
        } else if (t instanceof Term.Ref r) {
            inputs(r.head(), scope, out);
            for (Term p : r.path()) out.addAll(patternInputs(p, scope));
        } else if (t instanceof Term.ArrayTerm a) {
            a.elements().forEach(x -> inputs(x, scope, out));
        } else if (t instanceof Term.SetTerm s) {
            s.elements().forEach(x -> inputs(x, scope, out));
        } else if (t instanceof Term.ObjectTerm o) {
            o.keys().forEach(x -> inputs(x, scope, out));
            o.values().forEach(x -> inputs(x, scope, out));
        } else if (t instanceof Term.Call c) {
            c.args().forEach(x -> inputs(x, scope, out));
        } else if (!(t instanceof Term.Scalar)) {
            Set<String> inner = Vars.all(t);
            inner.retainAll(scope);
            out.addAll(inner);
        }
    }

    /** Inputs of a term in a binding position: its bare variables are outputs, not inputs. */
    private Set<String> patternInputs(Term t, Set<String> scope) {
        Set<String> out = new LinkedHashSet<>();
        if (t instanceof Term.Var) return out;
        if (t instanceof Term.ArrayTerm a) {
            a.elements().forEach(x -> out.addAll(patternInputs(x, scope)));
            return out;
        }
        if (t instanceof Term.ObjectTerm o) {
            o.keys().forEach(x -> inputs(x, scope, out));
            o.values().forEach(x -> out.addAll(patternInputs(x, scope)));
            return out;
        }
        inputs(t, scope, out);
        return out;
    }

    private static Set<String> patternOutputs(Term t) {
        Set<String> out = new LinkedHashSet<>(Vars.direct(t));
        refOutputs(t, out);
        return out;
    }

    /** Variables bound by iterating refs: {@code xs[i]} binds {@code i}. */
    private static void refOutputs(Term t, Set<String> out) {
        if (t instanceof Term.Ref r) {
            refOutputs(r.head(), out);
            for (Term p : r.path()) {
                out.addAll(Vars.direct(p));
                refOutputs(p, out);
            }
        } else if (t instanceof Term.ArrayTerm a) {
            a.elements().forEach(x -> refOutputs(x, out));
        } else if (t instanceof Term.SetTerm s) {
            s.elements().forEach(x -> refOutputs(x, out));
        } else if (t instanceof Term.ObjectTerm o) {
            o.keys().forEach(x -> refOutputs(x, out));
            o.values().forEach(x -> refOutputs(x, out));
        } else if (t instanceof Term.Call c) {
            c.args().forEach(x -> refOutputs(x, out));
        }
    }

    // ---- nested bodies ----

    private Expr rewriteClosures(Expr e, Set<String> bound, Set<String> scope) {
        Expr.Stmt s = e.stmt();
        Expr.Stmt r = s;
        if (s instanceof Expr.TermStmt ts) {
            r = new Expr.TermStmt(closures(ts.term(), bound, scope));
        } else if (s instanceof Expr.Unify u) {
            r = new Expr.Unify(closures(u.left(), bound, scope), closures(u.right(), bound, scope));
        } else if (s instanceof Expr.Assign a) {
            r = new Expr.Assign(closures(a.left(), bound, scope), closures(a.right(), bound, scope));
        } else if (s instanceof Expr.SomeIn si) {
            r = new Expr.SomeIn(si.key(), si.value(), closures(si.collection(), bound, scope));
        } else if (s instanceof Expr.Every ev) {
            Set<String> inner = new HashSet<>(bound);
            if (ev.key() != null) inner.addAll(Vars.direct(ev.key()));
            inner.addAll(Vars.direct(ev.value()));
            r = new Expr.Every(
                    ev.key(), ev.value(), closures(ev.collection(), bound, scope), reorder(ev.body(), inner, scope));
        } else if (s instanceof Expr.Block block) {
            r = new Expr.Block(reorder(block.body(), new HashSet<>(bound), scope));
        }
        List<Expr.With> withs = new ArrayList<>();
        for (Expr.With w : e.withs()) withs.add(new Expr.With(w.target(), closures(w.value(), bound, scope), w.loc()));
        return new Expr(r, e.negated(), withs, e.loc());
    }

    private Term closures(Term t, Set<String> bound, Set<String> scope) {
        if (t instanceof Term.Scalar || t instanceof Term.Var) return t;
        if (t instanceof Term.Ref r)
            return new Term.Ref(closures(r.head(), bound, scope), closureList(r.path(), bound, scope), r.loc());
        if (t instanceof Term.ArrayTerm a) return new Term.ArrayTerm(closureList(a.elements(), bound, scope), a.loc());
        if (t instanceof Term.SetTerm s) return new Term.SetTerm(closureList(s.elements(), bound, scope), s.loc());
        if (t instanceof Term.ObjectTerm o) {
            return new Term.ObjectTerm(
                    closureList(o.keys(), bound, scope), closureList(o.values(), bound, scope), o.loc());
        }
        if (t instanceof Term.Call c) return new Term.Call(c.name(), closureList(c.args(), bound, scope), c.loc());
        Set<String> inner = new HashSet<>(bound);
        if (t instanceof Term.ArrayCompr ac) {
            List<Expr> body = reorder(ac.body(), inner, scope);
            return new Term.ArrayCompr(head(ac.head(), inner, scope, ac.loc()), body, ac.loc());
        }
        if (t instanceof Term.SetCompr sc) {
            List<Expr> body = reorder(sc.body(), inner, scope);
            return new Term.SetCompr(head(sc.head(), inner, scope, sc.loc()), body, sc.loc());
        }
        Term.ObjectCompr oc = (Term.ObjectCompr) t;
        List<Expr> body = reorder(oc.body(), inner, scope);
        return new Term.ObjectCompr(
                head(oc.key(), inner, scope, oc.loc()), head(oc.value(), inner, scope, oc.loc()), body, oc.loc());
    }

    private List<Term> closureList(List<Term> ts, Set<String> bound, Set<String> scope) {
        List<Term> out = new ArrayList<>(ts.size());
        for (Term t : ts) out.add(closures(t, bound, scope));
        return out;
    }
}
