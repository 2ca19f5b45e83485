package io.maestro.conductor.policy.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

public final class RegoEvalCommand {
  private RegoEvalCommand() {}

  public static int run(List<Path> dataDirs, Path inputJsonOrNull, String query, PrintStream out, PrintStream err) {
    err.println("rego_compile_error: evaluator not available in this build");
    return 1;
  }
}
