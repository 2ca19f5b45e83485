package io.maestro.conductor.policy.rego.builtins;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Shorthands for declaring builtins: operand and result kinds, and the spec itself. */
final class Specs {
    static final Set<ArgType> ANY = ArgType.ANY;
    static final Set<ArgType> NUM = EnumSet.of(ArgType.NUMBER);
    static final Set<ArgType> STR = EnumSet.of(ArgType.STRING);
    static final Set<ArgType> BOOL = EnumSet.of(ArgType.BOOLEAN);
    static final Set<ArgType> ARR = EnumSet.of(ArgType.ARRAY);
    static final Set<ArgType> OBJ = EnumSet.of(ArgType.OBJECT);
    static final Set<ArgType> SET = EnumSet.of(ArgType.SET);
    static final Set<ArgType> ARR_SET = ArgType.ARRAY_OR_SET;
    static final Set<ArgType> COLL = ArgType.COLLECTION;
    static final Set<ArgType> STR_ARR_SET = EnumSet.of(ArgType.STRING, ArgType.ARRAY, ArgType.SET);
    static final Set<ArgType> NUM_ARR = EnumSet.of(ArgType.NUMBER, ArgType.ARRAY);
    static final Set<ArgType> ARR_NULL = EnumSet.of(ArgType.ARRAY, ArgType.NULL);

    private Specs() {}

    /** A builtin of fixed arity: {@code operands} lists the allowed kinds of each operand in order. */
    @SafeVarargs
    static BuiltinSpec spec(String name, Set<ArgType> result, Builtin impl, Set<ArgType>... operands) {
        return new BuiltinSpec(name, List.of(operands), result, impl);
    }
}
