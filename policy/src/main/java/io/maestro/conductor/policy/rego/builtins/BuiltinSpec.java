package io.maestro.conductor.policy.rego.builtins;

import java.util.List;
import java.util.Set;

/**
 * A builtin's declaration: dotted name, operand kinds (one set of allowed kinds per operand),
 * result kinds, and the implementation.
 */
public record BuiltinSpec(String name, List<Set<ArgType>> operands, Set<ArgType> result, Builtin impl) {
    public BuiltinSpec {
        operands = List.copyOf(operands);
        result = Set.copyOf(result);
    }

    public int arity() {
        return operands.size();
    }
}
