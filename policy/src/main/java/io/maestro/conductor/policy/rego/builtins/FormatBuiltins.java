package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** {@code sprintf} and {@code format_int}: Go's fmt over Rego values, as OPA hands them over. */
final class FormatBuiltins implements BuiltinGroup {

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        "sprintf",
                        STR,
                        (ctx, a) -> {
                            String format = Operands.string("sprintf", a, 1);
                            ArrayValue values = Operands.array("sprintf", a, 2);
                            List<Object> args = new ArrayList<>(values.size());
                            for (Value v : values.elements()) args.add(goOperand(v));
                            return StringValue.of(GoFormat.sprintf(format, args));
                        },
                        STR,
                        ARR),
                spec(
                        "format_int",
                        STR,
                        (ctx, a) -> {
                            NumberValue n = Operands.number("format_int", a, 1);
                            BigInteger base = Operands.integer("format_int", a, 2);
                            BigInteger i = n.value().toBigInteger();
                            String text;
                            switch (base.intValue()) {
                                case 2, 8, 10, 16 -> text = base.bitLength() < 8 ? i.toString(base.intValue()) : null;
                                default -> text = null;
                            }
                            if (text == null) throw Operands.invalid("format_int", 2, "must be one of {2, 8, 10, 16}");
                            return StringValue.of(text);
                        },
                        NUM,
                        NUM));
    }

    /** OPA's conversion: integers as int or *big.Int, other numbers as float64, strings raw, the rest as Rego text. */
    static Object goOperand(Value v) {
        if (v instanceof NumberValue n) {
            if (n.isInteger()) {
                BigInteger i = n.value().toBigIntegerExact();
                return i.bitLength() < 64 ? (Object) i.longValue() : i;
            }
            return n.value().doubleValue();
        }
        if (v instanceof StringValue s) return s.value();
        return RegoText.of(v);
    }
}
