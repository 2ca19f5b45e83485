package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Typed operand extraction with OPA's error wording. Positions are 1-based, as in OPA's messages
 * ({@code "<name>: operand <pos> must be <type> but got <type>"}).
 */
final class Operands {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Operands() {}

    /** The type error for an operand; several expected types read "one of {a, b}", as OPA words it. */
    static BuiltinException typeError(String name, int pos, Value got, String... expected) {
        String want = expected.length == 1 ? expected[0] : "one of {" + String.join(", ", expected) + "}";
        return BuiltinException.operand(name, pos, want, got.typeName());
    }

    /** OPA's error for a collection holding an element of the wrong type. */
    static BuiltinException elementError(String name, int pos, Value collection, Value element, String expected) {
        return new BuiltinException(
                BuiltinException.TYPE_ERROR,
                name + ": operand " + pos + " must be "
                        + collection.typeName() + " of " + expected + "s but got " + collection.typeName()
                        + " containing "
                        + element.typeName());
    }

    /** An operand error that is not about the operand's type (OPA's {@code NewOperandErr}). */
    static BuiltinException invalid(String name, int pos, String why) {
        return new BuiltinException(BuiltinException.TYPE_ERROR, name + ": operand " + pos + " " + why);
    }

    static String string(String name, List<Value> args, int pos) {
        Value v = args.get(pos - 1);
        if (v instanceof StringValue s) return s.value();
        throw typeError(name, pos, v, "string");
    }

    static NumberValue number(String name, List<Value> args, int pos) {
        Value v = args.get(pos - 1);
        if (v instanceof NumberValue n) return n;
        throw typeError(name, pos, v, "number");
    }

    static BigDecimal decimal(String name, List<Value> args, int pos) {
        return number(name, args, pos).value();
    }

    static ArrayValue array(String name, List<Value> args, int pos) {
        Value v = args.get(pos - 1);
        if (v instanceof ArrayValue a) return a;
        throw typeError(name, pos, v, "array");
    }

    static SetValue set(String name, List<Value> args, int pos) {
        Value v = args.get(pos - 1);
        if (v instanceof SetValue s) return s;
        throw typeError(name, pos, v, "set");
    }

    static ObjectValue object(String name, List<Value> args, int pos) {
        Value v = args.get(pos - 1);
        if (v instanceof ObjectValue o) return o;
        throw typeError(name, pos, v, "object");
    }

    /** An integral number operand, as OPA's {@code IntOperand}. */
    static BigInteger integer(String name, List<Value> args, int pos) {
        NumberValue n = number(name, args, pos);
        if (!n.isInteger()) {
            throw BuiltinException.operand(name, pos, "integer number", "floating-point number");
        }
        return n.value().toBigIntegerExact();
    }

    /** An integral number that fits an int, for indexes and counts. */
    static int smallInt(String name, List<Value> args, int pos) {
        BigInteger i = integer(name, args, pos);
        if (i.bitLength() > 31) throw invalid(name, pos, "must be an integer that fits in 32 bits");
        return i.intValue();
    }

    /** The elements of an array or set operand, in order; the error reads "one of {set, array}" as OPA's mostly do. */
    static Collection<Value> arrayOrSet(String name, List<Value> args, int pos) {
        Value v = args.get(pos - 1);
        if (v instanceof ArrayValue a) return a.elements();
        if (v instanceof SetValue s) return s.elements();
        throw typeError(name, pos, v, "set", "array");
    }

    /** The strings of an array or set operand; a non-string element is OPA's element error. */
    static List<String> strings(String name, int pos, Value collection, Collection<Value> elements) {
        List<String> out = new ArrayList<>(elements.size());
        for (Value e : elements) {
            if (!(e instanceof StringValue s)) throw elementError(name, pos, collection, e, "string");
            out.add(s.value());
        }
        return out;
    }

    /** The numbers of an array or set operand. */
    static List<BigDecimal> numbers(String name, int pos, Value collection, Collection<Value> elements) {
        List<BigDecimal> out = new ArrayList<>(elements.size());
        for (Value e : elements) {
            if (!(e instanceof NumberValue n)) throw elementError(name, pos, collection, e, "number");
            out.add(n.value());
        }
        return out;
    }

    /** Whether a number is an integer in the range of a Go int64. */
    static boolean fitsLong(BigDecimal d) {
        return d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0;
    }
}
