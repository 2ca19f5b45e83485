package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.ARR_SET;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BinaryOperator;

/** {@code count sum product max min sort any all}. */
final class AggregateBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "count",
                        NUM,
                        AggregateBuiltins::count,
                        EnumSet.of(ArgType.ARRAY, ArgType.OBJECT, ArgType.SET, ArgType.STRING)),
                fold("sum", BigDecimal.ZERO, BigDecimal::add),
                fold("product", BigDecimal.ONE, BigDecimal::multiply),
                spec(
                        "max",
                        ANY,
                        (ctx, a) -> {
                            Collection<Value> c = Operands.arrayOrSet("max", a, 1);
                            return c.isEmpty() ? null : Collections.max(c);
                        },
                        ARR_SET),
                spec(
                        "min",
                        ANY,
                        (ctx, a) -> {
                            Collection<Value> c = Operands.arrayOrSet("min", a, 1);
                            return c.isEmpty() ? null : Collections.min(c);
                        },
                        ARR_SET),
                spec(
                        "sort",
                        ARR,
                        (ctx, a) -> {
                            List<Value> sorted = new ArrayList<>(Operands.arrayOrSet("sort", a, 1));
                            Collections.sort(sorted);
                            return new ArrayValue(sorted);
                        },
                        ARR_SET),
                spec("any", BOOL, (ctx, a) -> BooleanValue.of(booleans("any", a).contains(BooleanValue.TRUE)), ARR_SET),
                spec(
                        "all",
                        BOOL,
                        (ctx, a) -> BooleanValue.of(booleans("all", a).stream().allMatch(BooleanValue.TRUE::equals)),
                        ARR_SET));
    }

    /** The deprecated any/all word their type error "one of {array, set}", unlike the other aggregates. */
    private static Collection<Value> booleans(String name, List<Value> a) {
        Value v = a.get(0);
        if (v instanceof ArrayValue arr) return arr.elements();
        if (v instanceof SetValue set) return set.elements();
        throw Operands.typeError(name, 1, v, "array", "set");
    }

    private static Value count(BuiltinContext ctx, List<Value> a) {
        Value v = a.get(0);
        if (v instanceof StringValue s)
            return NumberValue.of(s.value().codePointCount(0, s.value().length()));
        if (v instanceof ArrayValue arr) return NumberValue.of(arr.size());
        if (v instanceof ObjectValue o) return NumberValue.of(o.size());
        if (v instanceof SetValue s) return NumberValue.of(s.size());
        throw Operands.typeError("count", 1, v, "array", "object", "set", "string");
    }

    private static BuiltinSpec fold(String name, BigDecimal identity, BinaryOperator<BigDecimal> op) {
        return spec(
                name,
                NUM,
                (ctx, a) -> {
                    Collection<Value> c = Operands.arrayOrSet(name, a, 1);
                    BigDecimal acc = identity;
                    for (BigDecimal n : Operands.numbers(name, 1, a.get(0), c)) acc = op.apply(acc, n);
                    return NumberValue.of(acc);
                },
                ARR_SET);
    }
}
