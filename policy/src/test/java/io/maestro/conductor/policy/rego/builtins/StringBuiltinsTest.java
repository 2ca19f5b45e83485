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
import org.junit.jupiter.api.Test;

class StringBuiltinsTest {

    @Test
    void concatJoinsArraysAndSetsOfStrings() {
        assertThat(call("concat", s("/"), arr(s(""), s("foo"), s("bar")))).isEqualTo(s("/foo/bar"));
        assertThat(call("concat", s(","), set(s("b"), s("a")))).isEqualTo(s("a,b"));
        assertThat(error("concat", s(","), arr(s("a"), n(1))))
                .hasMessage("concat: operand 2 must be array of strings but got array containing number");
    }

    @Test
    void splitAndReplaceBehaveAsGo() {
        assertThat(call("split", s("a.b.c"), s("."))).isEqualTo(arr(s("a"), s("b"), s("c")));
        assertThat(call("split", s(""), s("."))).isEqualTo(arr(s("")));
        assertThat(call("split", s("tést"), s(""))).isEqualTo(arr(s("t"), s("é"), s("s"), s("t")));
        assertThat(call("split", s(""), s(""))).isEqualTo(arr());
        assertThat(call("replace", s("foo...bar"), s(".."), s(",,"))).isEqualTo(s("foo,,.bar"));
        assertThat(call("replace", s("ab"), s(""), s("-"))).isEqualTo(s("-a-b-"));
        assertThat(call("strings.replace_n", json("{\"a\":\"1\",\"ab\":\"2\"}"), s("abc")))
                .isEqualTo(s("1bc"));
    }

    /** OPA's docs: the first n parts for n > 0, the last |n| for n < 0, all when |n| exceeds them, none for 0. */
    @Test
    void splitNKeepsTheFirstOrLastParts() {
        assertThat(call("strings.split_n", s("a.b.c.d"), s("."), n(2))).isEqualTo(arr(s("a"), s("b")));
        assertThat(call("strings.split_n", s("a.b.c.d"), s("."), n(-2))).isEqualTo(arr(s("c"), s("d")));
        assertThat(call("strings.split_n", s("a.b.c.d"), s("."), n(10))).isEqualTo(arr(s("a"), s("b"), s("c"), s("d")));
        assertThat(call("strings.split_n", s("a.b.c.d"), s("."), n(-10)))
                .isEqualTo(arr(s("a"), s("b"), s("c"), s("d")));
        assertThat(call("strings.split_n", s("a.b.c.d"), s("."), n(0))).isEqualTo(arr());
        assertThat(call("strings.split_n", s("abc"), s("."), n(-2))).isEqualTo(arr(s("abc")));
        assertThat(call("strings.split_n", s("héllo"), s(""), n(2))).isEqualTo(arr(s("h"), s("é")));
        assertThat(call("strings.split_n", s("abc"), s(""), n(-2))).isEqualTo(arr(s("b"), s("c")));
        BuiltinException fraction = error("strings.split_n", s("a.b"), s("."), n("1.5"));
        assertThat(fraction.code()).isEqualTo(BuiltinException.TYPE_ERROR);
        assertThat(fraction)
                .hasMessage("strings.split_n: operand 3 must be integer number but got floating-point number");
    }

    @Test
    void indexesCountRunes() {
        assertThat(call("indexof", s("skön var våren"), s("vår"))).isEqualTo(n(9));
        assertThat(call("indexof", s("μ"), s("μμ"))).isEqualTo(n(-1));
        assertThat(call("indexof_n", s("dogcatdogcat"), s("cat"))).isEqualTo(arr(n(3), n(9)));
        assertThat(call("substring", s("aåäö"), n(2), n(-1))).isEqualTo(s("äö"));
        assertThat(call("substring", s("abcdefgh"), n(2), n(10000))).isEqualTo(s("cdefgh"));
        assertThat(call("substring", s("abc"), n(5), n(1))).isEqualTo(s(""));
        assertThat(error("substring", s("abc"), n(-1), n(1))).hasMessage("substring: negative offset");
        assertThat(call("strings.reverse", s("åb😀"))).isEqualTo(s("😀bå"));
    }

    @Test
    void countIsNonOverlappingAndCountsBoundariesForEmpty() {
        assertThat(call("strings.count", s("cheese"), s("e"))).isEqualTo(n(3));
        assertThat(call("strings.count", s("11111"), s("11"))).isEqualTo(n(2));
        assertThat(call("strings.count", s("dummy"), s(""))).isEqualTo(n(6));
        assertThat(call("strings.count", s(""), s(""))).isEqualTo(n(1));
    }

    @Test
    void trimFamily() {
        assertThat(call("trim", s("...foo.bar..."), s(".o"))).isEqualTo(s("foo.bar"));
        assertThat(call("trim_left", s("xxa"), s("x"))).isEqualTo(s("a"));
        assertThat(call("trim_right", s("axx"), s("x"))).isEqualTo(s("a"));
        assertThat(call("trim_prefix", s("prefix-a"), s("prefix-"))).isEqualTo(s("a"));
        assertThat(call("trim_suffix", s("a.txt"), s(".txt"))).isEqualTo(s("a"));
        assertThat(call("trim_space", s("\u00a0\t a b \n"))).isEqualTo(s("a b"));
        assertThat(call("upper", s("AbCdEf"))).isEqualTo(s("ABCDEF"));
        assertThat(call("lower", s("ÅB"))).isEqualTo(s("åb"));
    }

    @Test
    void predicates() {
        assertThat(call("contains", s("abcdefgh"), s("defg"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("startswith", s("abc"), s("b"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("endswith", s("abc"), s("bc"))).isEqualTo(BooleanValue.TRUE);
        assertThat(error("contains", n(1), s("a"))).hasMessage("contains: operand 1 must be string but got number");
    }

    @Test
    void anyPrefixAndSuffixMatchTakeStringsArraysOrSets() {
        assertThat(call("strings.any_prefix_match", arr(s("a/b/c"), s("e/f/g")), arr(s("x/"), s("e/f"))))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("strings.any_prefix_match", s("a/b/c"), set(s("b")))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("strings.any_suffix_match", set(s("a/b/c")), s("/c"))).isEqualTo(BooleanValue.TRUE);
        assertThat(error("strings.any_prefix_match", n(1), s("a")))
                .hasMessage("strings.any_prefix_match: operand 1 must be one of {string, set, array} but got number");
        assertThat(error("strings.any_suffix_match", arr(s("a")), arr(n(1))))
                .hasMessage(
                        "strings.any_suffix_match: operand 2 must be array of strings but got array containing number");
    }

    @Test
    void formatIntTruncatesAndChecksTheBase() {
        assertThat(call("format_int", n("15.5"), n(16))).isEqualTo(s("f"));
        assertThat(call("format_int", n(-5), n(2))).isEqualTo(s("-101"));
        assertThat(call("format_int", n("3.1"), n(10))).isEqualTo(s("3"));
        assertThat(error("format_int", n(1), n(3))).hasMessage("format_int: operand 2 must be one of {2, 8, 10, 16}");
    }
}
