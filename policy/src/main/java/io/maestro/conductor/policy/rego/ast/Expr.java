package io.maestro.conductor.policy.rego.ast;

import java.util.List;

/** One literal of a rule body or query: the statement, whether negated, and its {@code with} modifiers. */
public record Expr(Stmt stmt, boolean negated, List<With> withs, Loc loc) {
    public Expr {
        withs = List.copyOf(withs);
    }

    public Expr withStmt(Stmt newStmt) {
        return new Expr(newStmt, negated, withs, loc);
    }

    /** {@code with target as value}; target is {@code input...}, {@code data...} or a function name. */
    public record With(Term target, Term value, Loc loc) {}

    /** What a literal says. */
    public sealed interface Stmt permits TermStmt, Unify, Assign, SomeDecl, SomeIn, Every, Block {}

    /** A term that must be defined and not false; a call with one extra argument binds its result to it. */
    public record TermStmt(Term term) implements Stmt {}

    public record Unify(Term left, Term right) implements Stmt {}

    public record Assign(Term left, Term right) implements Stmt {}

    public record SomeDecl(List<Term.Var> vars) implements Stmt {}

    /** {@code some key, value in collection} (key may be null). */
    public record SomeIn(Term key, Term value, Term collection) implements Stmt {}

    /** {@code every key, value in collection { body }} (key may be null). */
    public record Every(Term key, Term value, Term collection, List<Expr> body) implements Stmt {}

    /**
     * A braced body as one literal, written negated ({@code not { body }}): it holds when the body has a
     * solution; variables first bound inside stay inside.
     */
    public record Block(List<Expr> body) implements Stmt {
        public Block {
            body = List.copyOf(body);
        }
    }
}
