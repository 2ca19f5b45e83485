package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;

/** A Rego builtin function over ground values. */
@FunctionalInterface
public interface Builtin {
    /**
     * @param args the operands, already evaluated and of the declared arity
     * @return the result, or {@code null} when the call is undefined
     * @throws BuiltinException with OPA's code and message for a bad operand
     */
    Value call(BuiltinContext ctx, List<Value> args);
}
