package io.maestro.conductor.policy.rego.builtins;

import java.util.List;

/** The builtins every engine has: one entry per group class in this package. */
public final class StandardBuiltins {
  private static final Builtins TABLE = Builtins.of(List.of());

  private StandardBuiltins() {}

  public static Builtins table() { return TABLE; }
}
