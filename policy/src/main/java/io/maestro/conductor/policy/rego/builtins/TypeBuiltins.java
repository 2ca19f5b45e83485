package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ANY;
import static io.maestro.conductor.policy.rego.builtins.Specs.BOOL;
import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** {@code is_*}, {@code type_name} and {@code to_number}. */
final class TypeBuiltins implements BuiltinGroup {
    /** What Go's strconv.ParseFloat accepts that BigDecimal also reads: decimal with optional exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                is("is_number", NumberValue.class::isInstance),
                is("is_string", StringValue.class::isInstance),
                is("is_boolean", BooleanValue.class::isInstance),
                is("is_array", ArrayValue.class::isInstance),
                is("is_set", SetValue.class::isInstance),
                is("is_object", ObjectValue.class::isInstance),
                is("is_null", NullValue.class::isInstance),
                spec("type_name", STR, (ctx, a) -> StringValue.of(a.get(0).typeName()), ANY),
                spec(
                        "to_number",
                        NUM,
                        TypeBuiltins::toNumber,
                        EnumSet.of(ArgType.NULL, ArgType.BOOLEAN, ArgType.NUMBER, ArgType.STRING)));
    }

    private static BuiltinSpec is(String name, Predicate<Value> test) {
        return spec(name, BOOL, (ctx, a) -> BooleanValue.of(test.test(a.get(0))), ANY);
    }

    private static Value toNumber(BuiltinContext ctx, List<Value> a) {
        Value v = a.get(0);
        if (v instanceof NumberValue) return v;
        if (v instanceof NullValue) return NumberValue.of(0);
        if (v instanceof BooleanValue b) return NumberValue.of(b.value() ? 1 : 0);
        if (v instanceof StringValue s) {
            String text = s.value();
            String bare = text.replaceFirst("^[+-]+", "").toLowerCase(java.util.Locale.ROOT);
            if (bare.equals("inf") || bare.equals("infinity") || bare.equals("nan")) {
                throw Operands.typeError("to_number", 1, v, "valid number string");
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw BuiltinException.failed(
                        "to_number", "strconv.ParseFloat: parsing " + RegoText.quote(text) + ": invalid syntax");
            }
            return NumberValue.of(new BigDecimal(text));
        }
        throw Operands.typeError("to_number", 1, v, "null", "boolean", "number", "string");
    }
}
