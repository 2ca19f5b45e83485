package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.ast.Term;
import java.util.List;

/**
 * A rule after resolution and reordering, hung in the {@link RuleNode} of its constant head prefix.
 * {@code keys} are the head's remaining (dynamic) terms: empty for a complete rule or a plain partial set,
 * {@code [k]} for {@code p[k] := v}. {@code value} is the rule value or, for {@code contains}, the element.
 */
public record CompiledRule(
        Rule.Kind kind, List<Term> keys, List<Term> args, Term value, List<Expr> body, CompiledRule elseRule, Loc loc) {
    public CompiledRule {
        keys = List.copyOf(keys);
        args = args == null ? null : List.copyOf(args);
        body = List.copyOf(body);
    }
}
