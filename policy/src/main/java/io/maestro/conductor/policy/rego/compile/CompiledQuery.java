package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Loc;
import java.util.ArrayList;
import java.util.List;

/**
 * A resolved, reordered query; the names of the variables its results report; per source expression,
 * the generated variable capturing its value (or null) and where it starts.
 */
public record CompiledQuery(List<Expr> body, List<String> resultVars, List<String> captures, List<Loc> exprLocs) {
    public CompiledQuery {
        body = List.copyOf(body);
        resultVars = List.copyOf(resultVars);
        captures = java.util.Collections.unmodifiableList(new ArrayList<>(captures));
        exprLocs = List.copyOf(exprLocs);
    }
}
