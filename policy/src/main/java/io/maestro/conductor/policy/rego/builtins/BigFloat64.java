package io.maestro.conductor.policy.rego.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Division as OPA does it: exact for integers in the int32 window whose quotient is whole;
 * otherwise both operands and the quotient are Go {@code big.Float}s with a 64-bit mantissa, and
 * the result is printed as the shortest decimal that reads back to the same float
 * ({@code 1 / 3} is {@code 0.33333333333333333334}), or in full when the float is an integer.
 */
final class BigFloat64 {
    private static final int MANTISSA_BITS = 64;
    private static final MathContext WORKING = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final double LOG2_10 = Math.log(10) / Math.log(2);

    /** A float m x 2^e with a 64-bit mantissa (m > 0), sign kept apart. */
    private record Float64(boolean negative, BigInteger m, int e) {
        BigDecimal exact() {
            BigDecimal v = e >= 0 ? new BigDecimal(m.shiftLeft(e)) : new BigDecimal(m).divide(TWO.pow(-e));
            return negative ? v.negate() : v;
        }

        /** Go's Text('g', -1) for a fraction, Text('f', -1) for an integer, as OPA's FloatToNumber. */
        BigDecimal printed() {
            BigDecimal exact = exact();
            if (e >= 0) return exact;
            for (int digits = 1; digits <= 40; digits++) {
                BigDecimal d = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
                if (mantissa(d.abs(), e).equals(m)) return d;
            }
            return exact;
        }
    }

    private BigFloat64() {}

    /** x / y for y != 0. */
    static BigDecimal divide(BigDecimal x, BigDecimal y) {
        if (isSmallInt(x) && isSmallInt(y)) {
            BigDecimal[] qr = x.divideAndRemainder(y);
            if (x.signum() != 0 && qr[1].signum() == 0) return qr[0];
        }
        if (x.signum() == 0) return BigDecimal.ZERO;
        BigDecimal q = round(x).exact().divide(round(y).exact(), WORKING);
        return round(q).printed();
    }

    private static boolean isSmallInt(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0 && d.compareTo(INT32_MIN) >= 0 && d.compareTo(INT32_MAX) <= 0;
    }

    /** The nearest float (ties to even) to a non-zero decimal. */
    private static Float64 round(BigDecimal q) {
        BigDecimal a = q.abs();
        int e = (int) Math.floor((a.precision() - a.scale()) * LOG2_10) - MANTISSA_BITS;
        BigInteger m = mantissa(a, e);
        while (m.bitLength() > MANTISSA_BITS) m = mantissa(a, ++e);
        while (m.bitLength() < MANTISSA_BITS) m = mantissa(a, --e);
        return new Float64(q.signum() < 0, m, e);
    }

    /** a / 2^e rounded half-even to an integer. */
    private static BigInteger mantissa(BigDecimal a, int e) {
        BigDecimal scaled = e >= 0 ? a.divide(TWO.pow(e)) : a.multiply(TWO.pow(-e));
        return scaled.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }
}
