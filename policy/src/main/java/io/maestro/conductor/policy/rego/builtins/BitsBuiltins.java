package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.NUM;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.NumberValue;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BinaryOperator;

/** {@code bits.*}: bitwise operations on integers of any size (two's complement, as Go's big.Int). */
final class BitsBuiltins implements BuiltinGroup {
    /** A left shift beyond this many bits is refused rather than allocating a huge number (Go would allocate it). */
    static final int MAX_SHIFT = 1 << 16;

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                binary("bits.or", BigInteger::or),
                binary("bits.and", BigInteger::and),
                binary("bits.xor", BigInteger::xor),
                spec(
                        "bits.negate",
                        NUM,
                        (ctx, a) -> NumberValue.of(
                                Operands.integer("bits.negate", a, 1).not()),
                        NUM),
                shift("bits.lsh", true),
                shift("bits.rsh", false));
    }

    private static BuiltinSpec binary(String name, BinaryOperator<BigInteger> op) {
        return spec(
                name,
                NUM,
                (ctx, a) -> NumberValue.of(op.apply(Operands.integer(name, a, 1), Operands.integer(name, a, 2))),
                NUM,
                NUM);
    }

    private static BuiltinSpec shift(String name, boolean left) {
        return spec(
                name,
                NUM,
                (ctx, a) -> {
                    BigInteger x = Operands.integer(name, a, 1);
                    BigInteger n = Operands.integer(name, a, 2);
                    if (n.signum() < 0) {
                        throw BuiltinException.operand(name, 2, "an unsigned integer number", "a negative integer");
                    }
                    if (!left) {
                        // past the number's own length only the sign is left, however far the shift goes
                        return NumberValue.of(
                                n.compareTo(BigInteger.valueOf(x.bitLength())) >= 0
                                        ? BigInteger.valueOf(x.signum() < 0 ? -1 : 0)
                                        : x.shiftRight(n.intValue()));
                    }
                    if (n.compareTo(BigInteger.valueOf(MAX_SHIFT)) > 0) {
                        throw BuiltinException.failed(name, "shift exceeds " + MAX_SHIFT + " bits");
                    }
                    return NumberValue.of(x.shiftLeft(n.intValue()));
                },
                NUM,
                NUM);
    }
}
