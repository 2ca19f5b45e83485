package io.maestro.conductor.policy.rego.ast;

import java.util.List;

/**
 * One rule definition. {@code ref} is its head reference relative to the package (first element a string,
 * later ones any term); {@code args} is non-null for functions; {@code value} is the rule value (complete,
 * object and function rules) or the element ({@code contains} rules); {@code elseRule} chains {@code else}.
 */
public record Rule(
        Kind kind,
        List<Term> ref,
        List<Term> args,
        Term value,
        boolean isDefault,
        List<Expr> body,
        Rule elseRule,
        Loc loc) {

    public enum Kind {
        SINGLE,
        MULTI,
        FUNCTION
    }

    public Rule {
        ref = List.copyOf(ref);
        args = args == null ? null : List.copyOf(args);
        body = List.copyOf(body);
    }

    public Rule withBody(List<Expr> newBody, Term newValue, List<Term> newRef, List<Term> newArgs, Rule newElse) {
        return new Rule(kind, newRef, newArgs, newValue, isDefault, newBody, newElse, loc);
    }
}
