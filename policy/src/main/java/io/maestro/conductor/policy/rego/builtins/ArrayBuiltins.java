package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code array.concat array.slice array.reverse array.flatten}. */
final class ArrayBuiltins implements BuiltinGroup {
    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "array.concat",
                        ARR,
                        (ctx, a) -> {
                            List<Value> out = new ArrayList<>(
                                    Operands.array("array.concat", a, 1).elements());
                            out.addAll(Operands.array("array.concat", a, 2).elements());
                            return new ArrayValue(out);
                        },
                        ARR,
                        ARR),
                spec(
                        "array.slice",
                        ARR,
                        (ctx, a) -> {
                            ArrayValue arr = Operands.array("array.slice", a, 1);
                            long start = Math.max(
                                    0,
                                    Operands.integer("array.slice", a, 2)
                                            .max(MIN_LONG)
                                            .longValue());
                            long stop = Math.min(
                                    arr.size(),
                                    Operands.integer("array.slice", a, 3)
                                            .min(MAX_LONG)
                                            .longValue());
                            if (start >= stop) return ArrayValue.EMPTY;
                            return new ArrayValue(arr.elements().subList((int) start, (int) stop));
                        },
                        ARR,
                        NUM,
                        NUM),
                spec(
                        "array.reverse",
                        ARR,
                        (ctx, a) -> {
                            List<Value> out = new ArrayList<>(
                                    Operands.array("array.reverse", a, 1).elements());
                            Collections.reverse(out);
                            return new ArrayValue(out);
                        },
                        ARR),
                spec(
                        "array.flatten",
                        ARR,
                        (ctx, a) -> {
                            List<Value> out = new ArrayList<>();
                            for (Value v : Operands.array("array.flatten", a, 1).elements()) {
                                if (v instanceof ArrayValue inner) out.addAll(inner.elements());
                                else out.add(v);
                            }
                            return new ArrayValue(out);
                        },
                        ARR));
    }
}
