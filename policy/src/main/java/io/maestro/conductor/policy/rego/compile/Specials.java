package io.maestro.conductor.policy.rego.compile;

import io.maestro.conductor.policy.rego.parse.Parser;
import java.util.Map;

/** Builtins the evaluator implements itself because they need more than ground operands. */
public final class Specials {
    public static final String MEMBER2 = Parser.MEMBER2;
    public static final String MEMBER3 = Parser.MEMBER3;
    public static final String WALK = "walk";
    public static final String PRINT = "print";
    public static final String RUNTIME = "opa.runtime";
    public static final String TEMPLATE_STRING = Parser.TEMPLATE_STRING;

    /** Arity of each; print and template strings take any number of operands (-2). */
    private static final Map<String, Integer> ARITY =
            Map.of(MEMBER2, 2, MEMBER3, 3, WALK, 1, PRINT, -2, RUNTIME, 0, TEMPLATE_STRING, -2);

    private Specials() {}

    public static boolean contains(String name) {
        return ARITY.containsKey(name);
    }

    static int arity(String name) {
        return ARITY.getOrDefault(name, -1);
    }
}
