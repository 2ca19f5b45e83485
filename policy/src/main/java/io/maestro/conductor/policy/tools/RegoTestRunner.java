package io.maestro.conductor.policy.tools;

import java.io.PrintStream;
import java.nio.file.Path;

public final class RegoTestRunner {
  private RegoTestRunner() {}

  public static int run(Path dir, PrintStream out) {
    out.println("0 passed, 1 failed");
    return 1;
  }
}
