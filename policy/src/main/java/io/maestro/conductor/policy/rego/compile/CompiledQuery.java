package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.ast.Expr;
import java.util.List;

/** A resolved, reordered query and the names of the variables its results report. */
public record CompiledQuery(List<Expr> body, List<String> resultVars) {
  public CompiledQuery {
    body = List.copyOf(body);
    resultVars = List.copyOf(resultVars);
  }
}
