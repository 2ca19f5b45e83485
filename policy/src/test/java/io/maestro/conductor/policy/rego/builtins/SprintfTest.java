package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static io.maestro.conductor.policy.rego.builtins.Calls.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.Value;
import org.junit.jupiter.api.Test;

/** sprintf against what Go's fmt prints for the operands OPA passes it. */
class SprintfTest {

    private static String sprintf(String format, Value... args) {
        return ((io.maestro.conductor.policy.rego.value.StringValue) call("sprintf", s(format), arr(args))).value();
    }

    @Test
    void integersInEveryBase() {
        assertThat(sprintf("hi %02X.%02X", n(127), n(1))).isEqualTo("hi 7F.01");
        assertThat(sprintf("%d|%5d|%-5d|%05d|%+d", n(42), n(42), n(42), n(-42), n(42)))
                .isEqualTo("42|   42|42   |-0042|+42");
        assertThat(sprintf("%b %o %O %x %#x %c %q %U", n(5), n(8), n(8), n(255), n(255), n(65), n(65), n(0x1F600)))
                .isEqualTo("101 10 0o10 ff 0xff A 'A' U+1F600");
        assertThat(sprintf("%.3d", n(7))).isEqualTo("007");
    }

    @Test
    void bigIntegersPrintExactlyAndAcceptPercentS() {
        assertThat(sprintf("%s", n("123456789123456789123"))).isEqualTo("123456789123456789123");
        assertThat(sprintf("%v", n("1208925819614629174706175"))).isEqualTo("1208925819614629174706175");
        assertThat(sprintf("%s", n(5)))
                .as("a machine int under %s is a bad verb in Go")
                .isEqualTo("%!s(int=5)");
    }

    @Test
    void floatsFollowStrconv() {
        assertThat(sprintf("hi %.2f", n("3.1415"))).isEqualTo("hi 3.14");
        assertThat(sprintf("%v %v %v", n("2.5"), n("0.000012"), n("1234567.5"))).isEqualTo("2.5 1.2e-05 1.2345675e+06");
        assertThat(sprintf("%f|%e|%E|%g|%.3g", n("1.5"), n("1234.5678"), n("0.5"), n("100000.5"), n("3.14159")))
                .isEqualTo("1.500000|1.234568e+03|5.000000E-01|100000.5|3.14");
        assertThat(sprintf("%08.3f|%+.1f|%-7.2f|", n("-3.14159"), n("2.25"), n("1.5")))
                .isEqualTo("-003.142|+2.2|1.50   |");
        assertThat(sprintf("%d", n("1.5"))).isEqualTo("%!d(float64=1.5)");
    }

    @Test
    void stringsAndCompositesPrintInRegoSyntax() {
        assertThat(sprintf("hi %s", BooleanValue.TRUE)).isEqualTo("hi true");
        assertThat(sprintf("%v %v %v %v", arr(n(1), s("a")), json("{\"a\":1}"), set(n(2), n(1)), set()))
                .isEqualTo("[1, \"a\"] {\"a\": 1} {1, 2} set()");
        assertThat(sprintf("%s|%q|%.2s|%6s|%-4s|%x", s("abc"), s("a\"b\n"), s("héllo"), s("ab"), s("ab"), s("hi")))
                .isEqualTo("abc|\"a\\\"b\\n\"|hé|    ab|ab  |6869");
        assertThat(sprintf("%v", NullValue.INSTANCE)).isEqualTo("null");
        assertThat(sprintf("%T %T %T %T", n(1), n("1.5"), s("x"), arr())).isEqualTo("int float64 string string");
    }

    @Test
    void goMarkersForMissingExtraAndPercent() {
        assertThat(sprintf("100%% %d")).isEqualTo("100% %!d(MISSING)");
        assertThat(sprintf("%d", n(1), s("x"))).isEqualTo("1%!(EXTRA string=x)");
        assertThat(sprintf("%*d|%-*d|", n(4), n(7), n(3), n(1))).isEqualTo("   7|1  |");
        assertThat(sprintf("%")).isEqualTo("%!(NOVERB)");
        assertThat(sprintf("%!")).isEqualTo("%!!(MISSING)");
    }

    @Test
    void operandsAreTyped() {
        assertThat(error("sprintf", s("%d"), n(1))).hasMessage("sprintf: operand 2 must be array but got number");
    }
}
