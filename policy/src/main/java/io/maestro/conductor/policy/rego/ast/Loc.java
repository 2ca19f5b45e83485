package io.maestro.conductor.policy.rego.ast;

/** Where a piece of Rego source starts (1-based line and column). */
public record Loc(String file, int line, int col) {
    public static final Loc NONE = new Loc("", 0, 0);
}
