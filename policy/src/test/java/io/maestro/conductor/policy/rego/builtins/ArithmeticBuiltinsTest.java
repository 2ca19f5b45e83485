package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static io.maestro.conductor.policy.rego.builtins.Calls.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import org.junit.jupiter.api.Test;

class ArithmeticBuiltinsTest {

    @Test
    void integerArithmeticIsExactBeyond64Bits() {
        assertThat(call("plus", n(Long.MAX_VALUE), n(1))).hasToString("9223372036854775808");
        assertThat(call("mul", n(2147483647), n(2147483647))).hasToString("4611686014132420609");
        assertThat(call("plus", n("1e30"), n(1))).hasToString("1000000000000000000000000000001");
        assertThat(call("plus", n("10.00"), n(5))).hasToString("15");
    }

    @Test
    void divisionIsExactWhenItTerminatesAndA64BitFloatOtherwise() {
        assertThat(call("div", n(6), n(3))).hasToString("2");
        assertThat(call("div", n(1), n(4))).hasToString("0.25");
        assertThat(call("div", n(1), n(3))).hasToString("0.33333333333333333334");
        assertThat(call("div", n(2), n(3))).hasToString("0.6666666666666666667");
        assertThat(call("div", n(-10), n(3))).hasToString("-3.3333333333333333333");
        assertThat(call("div", n("1e40"), n(4)))
                .as("1e40 is rounded to a 64-bit float first; an integral float prints in full")
                .hasToString("2499999999999999999945921523067564064768");
        assertThat(call("div", n(0), n(5))).hasToString("0");
        BuiltinException e = error("div", n(1), n("0.0"));
        assertThat(e.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(e).hasMessage("div: divide by zero");
    }

    @Test
    void remainderTakesTheDividendsSignAndRefusesFractions() {
        assertThat(call("rem", n(-17), n(5))).isEqualTo(n(-2));
        assertThat(call("rem", n(17), n(-5))).isEqualTo(n(2));
        assertThat(call("rem", n("4.0"), n(3))).isEqualTo(n(1));
        assertThat(error("rem", n(1), n(0))).hasMessage("rem: modulo by zero");
        assertThat(error("rem", n("1.5"), n(1))).hasMessage("rem: modulo on floating-point number");
    }

    @Test
    void minusIsNumberOrSetDifferenceAndNamesTheMismatchedOperand() {
        assertThat(call("minus", n(5), n(7))).isEqualTo(n(-2));
        assertThat(call("minus", set(n(1), n(2), n(3)), set(n(2)))).isEqualTo(set(n(1), n(3)));
        BuiltinException setThenNumber = error("minus", set(n(1)), n(1));
        assertThat(setThenNumber.code()).isEqualTo(BuiltinException.TYPE_ERROR);
        assertThat(setThenNumber).hasMessage("minus: operand 2 must be set but got number");
        assertThat(error("minus", n(1), set(n(1)))).hasMessage("minus: operand 2 must be number but got set");
        assertThat(error("minus", s("a"), n(1)))
                .hasMessage("minus: operand 1 must be one of {number, set} but got string");
        assertThat(error("minus", set(), s("a"))).hasMessage("minus: operand 2 must be number but got string");
    }

    @Test
    void roundingGoesHalfAwayFromZero() {
        assertThat(call("round", n("2.5"))).isEqualTo(n(3));
        assertThat(call("round", n("-2.5"))).isEqualTo(n(-3));
        assertThat(call("round", n("2.4"))).isEqualTo(n(2));
        assertThat(call("ceil", n("1.01"))).isEqualTo(n(2));
        assertThat(call("floor", n("-1.001"))).isEqualTo(n(-2));
        assertThat(call("abs", n(Long.MIN_VALUE))).hasToString("9223372036854775808");
        assertThat(error("abs", s("x"))).hasMessage("abs: operand 1 must be number but got string");
    }

    @Test
    void rangesCountUpOrDownAndStep() {
        assertThat(call("numbers.range", n(1), n(4))).isEqualTo(arr(n(1), n(2), n(3), n(4)));
        assertThat(call("numbers.range", n(2), n(0))).isEqualTo(arr(n(2), n(1), n(0)));
        assertThat(call("numbers.range_step", n(0), n(10), n(4))).isEqualTo(arr(n(0), n(4), n(8)));
        assertThat(error("numbers.range", n("1.5"), n(2)))
                .hasMessage("numbers.range: operand 1 must be integer number but got floating-point number");
        assertThat(error("numbers.range_step", n(0), n(10), n(0)))
                .hasMessage("numbers.range_step: step must be a positive integer");
        assertThat(error("numbers.range", n(0), n(10_000_000)).code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
    }

    @Test
    void bitsWorkOnTwosComplementIntegers() {
        assertThat(call("bits.and", n(12), n(10))).isEqualTo(n(8));
        assertThat(call("bits.or", n(12), n(10))).isEqualTo(n(14));
        assertThat(call("bits.xor", n(12), n(10))).isEqualTo(n(6));
        assertThat(call("bits.negate", n(0))).isEqualTo(n(-1));
        assertThat(call("bits.lsh", n(1), n(70))).hasToString("1180591620717411303424");
        assertThat(call("bits.rsh", n(-8), n(1))).isEqualTo(n(-4));
        assertThat(call("bits.rsh", n(-8), n("100000000000")))
                .as("only the sign is left")
                .isEqualTo(n(-1));
        assertThat(call("bits.rsh", n(8), n("100000000000"))).isEqualTo(n(0));
        BuiltinException negative = error("bits.lsh", n(1), n(-1));
        assertThat(negative.code()).isEqualTo(BuiltinException.TYPE_ERROR);
        assertThat(negative)
                .hasMessage("bits.lsh: operand 2 must be an unsigned integer number but got a negative integer");
        assertThat(error("bits.rsh", n(1), n(-1)))
                .hasMessage("bits.rsh: operand 2 must be an unsigned integer number but got a negative integer");
    }

    @Test
    void comparisonsUseTheTotalOrderAcrossKinds() {
        assertThat(call("lt", n(1), s("a"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("equal", n(1), n("1.0"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("neq", n("28857836529306024611913"), n("28857836529306024611912")))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("gte", arr(n(1), n(2)), arr(n(1)))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("gt", set(), arr())).isEqualTo(BooleanValue.TRUE);
    }
}
