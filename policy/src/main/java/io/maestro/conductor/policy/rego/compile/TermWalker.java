package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Term;
import java.util.List;

/**
 * Visits every term below a term or statement, depth first, comprehension bodies included; subclasses act on calls
 * and decide how a body (and its {@code with} modifiers) is walked.
 */
abstract class TermWalker {

    /** A call, seen before its arguments are walked. */
    abstract void call(Term.Call c);

    abstract void body(List<Expr> body);

    /** The terms of one statement ({@code every} walks its body through {@link #body}); nulls are skipped. */
    void stmt(Expr.Stmt s) {
        if (s instanceof Expr.TermStmt t) {
            term(t.term());
        } else if (s instanceof Expr.Unify u) {
            term(u.left());
            term(u.right());
        } else if (s instanceof Expr.Assign a) {
            term(a.left());
            term(a.right());
        } else if (s instanceof Expr.SomeIn si) {
            term(si.key());
            term(si.value());
            term(si.collection());
        } else if (s instanceof Expr.Every ev) {
            term(ev.key());
            term(ev.value());
            term(ev.collection());
            body(ev.body());
        } else if (s instanceof Expr.Block block) {
            body(block.body());
        }
    }

    void term(Term t) {
        if (t instanceof Term.Call c) {
            call(c);
            c.args().forEach(this::term);
        } else if (t instanceof Term.Ref r) {
            term(r.head());
            r.path().forEach(this::term);
        } else if (t instanceof Term.ArrayTerm a) {
            a.elements().forEach(this::term);
        } else if (t instanceof Term.SetTerm s) {
            s.elements().forEach(this::term);
        } else if (t instanceof Term.ObjectTerm o) {
            o.keys().forEach(this::term);
            o.values().forEach(this::term);
        } else if (t instanceof Term.ArrayCompr ac) {
            term(ac.head());
            body(ac.body());
        } else if (t instanceof Term.SetCompr sc) {
            term(sc.head());
            body(sc.body());
        } else if (t instanceof Term.ObjectCompr oc) {
            term(oc.key());
            term(oc.value());
            body(oc.body());
        }
    }
}
