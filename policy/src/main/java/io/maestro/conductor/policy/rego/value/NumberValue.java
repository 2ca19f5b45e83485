package io.maestro.conductor.policy.rego.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An arbitrary-precision number, as OPA keeps JSON numbers. Equality is numeric ({@code 1 == 1.0}),
 * so the decimal is kept stripped of trailing zeros.
 */
public final class NumberValue implements Value {
    private final BigDecimal value;

    private NumberValue(BigDecimal value) {
        this.value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    public static NumberValue of(BigDecimal value) {
        return new NumberValue(value);
    }

    public static NumberValue of(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    public static NumberValue of(BigInteger value) {
        return new NumberValue(new BigDecimal(value));
    }

    /** Parses a JSON/Rego number literal. */
    public static NumberValue parse(String literal) {
        return new NumberValue(new BigDecimal(literal));
    }

    public BigDecimal value() {
        return value;
    }

    public boolean isInteger() {
        return value.scale() <= 0;
    }

    /** The value as an int if it is an integer that fits, else throws {@link ArithmeticException}. */
    public int intValueExact() {
        return value.intValueExact();
    }

    public long longValueExact() {
        return value.longValueExact();
    }

    @Override
    public int kindOrder() {
        return 2;
    }

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    public int compareSameKind(Value other) {
        return value.compareTo(((NumberValue) other).value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberValue n && value.compareTo(n.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Integers print without exponent or fraction; other numbers in plain notation. */
    @Override
    public String toString() {
        return isInteger() ? value.toBigInteger().toString() : value.toPlainString();
    }
}
