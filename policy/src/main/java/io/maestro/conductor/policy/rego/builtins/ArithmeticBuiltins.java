package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The arithmetic operators as builtins ({@code plus minus mul div rem}), rounding, and
 * {@code numbers.range}. Numbers are exact decimals; a quotient that does not terminate is rounded
 * as OPA's big.Float division rounds it ({@link BigFloat64}).
 */
final class ArithmeticBuiltins implements BuiltinGroup {
    /** Largest range {@code numbers.range} builds, so one call cannot exhaust the heap. */
    static final int MAX_RANGE = 1_000_000;

    private static final java.util.Set<ArgType> NUM_SET = EnumSet.of(ArgType.NUMBER, ArgType.SET);

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                binary("plus", BigDecimal::add),
                spec("minus", NUM_SET, ArithmeticBuiltins::minus, NUM_SET, NUM_SET),
                binary("mul", BigDecimal::multiply),
                spec(
                        "div",
                        NUM,
                        (ctx, a) -> {
                            BigDecimal x = Operands.decimal("div", a, 1);
                            BigDecimal y = Operands.decimal("div", a, 2);
                            if (y.signum() == 0) throw BuiltinException.failed("div", "divide by zero");
                            return NumberValue.of(BigFloat64.divide(x, y));
                        },
                        NUM,
                        NUM),
                spec(
                        "rem",
                        NUM,
                        (ctx, a) -> {
                            NumberValue x = Operands.number("rem", a, 1);
                            NumberValue y = Operands.number("rem", a, 2);
                            if (!x.isInteger() || !y.isInteger()) {
                                throw BuiltinException.failed("rem", "modulo on floating-point number");
                            }
                            if (y.value().signum() == 0) throw BuiltinException.failed("rem", "modulo by zero");
                            return NumberValue.of(x.value()
                                    .toBigIntegerExact()
                                    .remainder(y.value().toBigIntegerExact()));
                        },
                        NUM,
                        NUM),
                unary("abs", BigDecimal::abs),
                unary("round", d -> d.setScale(0, RoundingMode.HALF_UP)),
                unary("ceil", d -> d.setScale(0, RoundingMode.CEILING)),
                unary("floor", d -> d.setScale(0, RoundingMode.FLOOR)),
                spec(
                        "numbers.range",
                        ARR,
                        (ctx, a) -> range(
                                "numbers.range",
                                Operands.integer("numbers.range", a, 1),
                                Operands.integer("numbers.range", a, 2),
                                BigInteger.ONE),
                        NUM,
                        NUM),
                spec(
                        "numbers.range_step",
                        ARR,
                        (ctx, a) -> {
                            BigInteger from = Operands.integer("numbers.range_step", a, 1);
                            BigInteger to = Operands.integer("numbers.range_step", a, 2);
                            BigInteger step = Operands.integer("numbers.range_step", a, 3);
                            if (step.signum() <= 0) {
                                throw BuiltinException.failed("numbers.range_step", "step must be a positive integer");
                            }
                            return range("numbers.range_step", from, to, step);
                        },
                        NUM,
                        NUM,
                        NUM));
    }

    private static BuiltinSpec binary(String name, BinaryOperator<BigDecimal> op) {
        return spec(
                name,
                NUM,
                (ctx, a) -> NumberValue.of(op.apply(Operands.decimal(name, a, 1), Operands.decimal(name, a, 2))),
                NUM,
                NUM);
    }

    private static BuiltinSpec unary(String name, UnaryOperator<BigDecimal> op) {
        return spec(name, NUM, (ctx, a) -> NumberValue.of(op.apply(Operands.decimal(name, a, 1))), NUM);
    }

    /** Number difference or set difference; the error names the operand OPA names. */
    private static Value minus(BuiltinContext ctx, List<Value> a) {
        Value x = a.get(0);
        Value y = a.get(1);
        if (x instanceof NumberValue n && y instanceof NumberValue m)
            return NumberValue.of(n.value().subtract(m.value()));
        if (x instanceof SetValue s && y instanceof SetValue t) {
            TreeSet<Value> out = new TreeSet<>(s.elements());
            out.removeAll(t.elements());
            return SetValue.of(out);
        }
        if (!(x instanceof NumberValue) && !(x instanceof SetValue))
            throw Operands.typeError("minus", 1, x, "number", "set");
        throw Operands.typeError("minus", 2, y, y instanceof NumberValue ? "set" : "number");
    }

    private static Value range(String name, BigInteger from, BigInteger to, BigInteger step) {
        BigInteger span = to.subtract(from).abs().divide(step);
        if (span.compareTo(BigInteger.valueOf(MAX_RANGE)) >= 0) {
            throw BuiltinException.failed(name, "range exceeds " + MAX_RANGE + " elements");
        }
        BigInteger delta = to.compareTo(from) >= 0 ? step : step.negate();
        List<Value> out = new ArrayList<>(span.intValue() + 1);
        for (BigInteger i = from, k = BigInteger.ZERO;
                k.compareTo(span) <= 0;
                i = i.add(delta), k = k.add(BigInteger.ONE)) {
            out.add(NumberValue.of(i));
        }
        return new ArrayValue(out);
    }
}
