package io.maestro.conductor.policy.rego;

import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Optional;

/** Compiled Rego modules plus base data: immutable and thread-safe; compile once, evaluate many. */
public final class RegoEngine {
  private final List<String> packages;

  private RegoEngine(List<String> packages) {
    this.packages = List.copyOf(packages);
  }

  public static RegoEngine compile(List<RegoModule> modules, Value baseData) {
    throw new RegoException(RegoException.COMPILE_ERROR, "compiler not available in this build", null, 0, 0);
  }

  public QueryResults query(String query, Value input, QueryOptions options) {
    throw new RegoException(RegoException.COMPILE_ERROR, "evaluator not available in this build", null, 0, 0);
  }

  public Optional<Value> evaluate(String dataPath, Value input, QueryOptions options) {
    throw new RegoException(RegoException.COMPILE_ERROR, "evaluator not available in this build", null, 0, 0);
  }

  public List<String> packages() { return packages; }
}
