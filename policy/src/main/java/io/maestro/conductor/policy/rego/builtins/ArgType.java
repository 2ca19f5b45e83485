package io.maestro.conductor.policy.rego.builtins;

import java.util.EnumSet;
import java.util.Set;

/**
 * The coarse kind of an operand or result, enough for the compile-time check OPA reports as
 * {@code rego_type_error} when a constant operand can never match a builtin's signature.
 */
public enum ArgType {
    NULL,
    BOOLEAN,
    NUMBER,
    STRING,
    ARRAY,
    OBJECT,
    SET;

    public static final Set<ArgType> ANY = EnumSet.allOf(ArgType.class);
    public static final Set<ArgType> COLLECTION = EnumSet.of(ARRAY, OBJECT, SET);
    public static final Set<ArgType> ARRAY_OR_SET = EnumSet.of(ARRAY, SET);
}
