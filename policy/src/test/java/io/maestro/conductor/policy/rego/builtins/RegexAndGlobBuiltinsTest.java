package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.arr;
import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import org.junit.jupiter.api.Test;

class RegexAndGlobBuiltinsTest {

    @Test
    void matchIsUnanchoredRe2() {
        assertThat(call("regex.match", s("^[a-z]+\\[[0-9]+\\]$"), s("foo[1]"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("regex.match", s(""), s("x"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("regex.match", s("^$"), s("something"))).isEqualTo(BooleanValue.FALSE);
        BuiltinException bad = error("regex.match", s("$^[[["), s("x"));
        assertThat(bad.code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(bad.getMessage()).startsWith("regex.match: error parsing regexp: missing closing ]");
        assertThat(call("regex.is_valid", s("a(b"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("regex.is_valid", n(1))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("regex.is_valid", s("(?P<x>a)"))).isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void findAndSplitSkipEmptyMatchesAfterAMatch() {
        assertThat(call("regex.find_n", s("a*"), s("baaac"), n(-1))).isEqualTo(arr(s(""), s("aaa"), s("")));
        assertThat(call("regex.find_n", s("[0-9]+"), s("a1b22c333"), n(2))).isEqualTo(arr(s("1"), s("22")));
        assertThat(call("regex.split", s("a"), s("banana"))).isEqualTo(arr(s("b"), s("n"), s("n"), s("")));
        assertThat(call("regex.split", s("x*"), s("axbc"))).isEqualTo(arr(s("a"), s("b"), s("c")));
        assertThat(call("regex.find_all_string_submatch_n", s("a(x*)b(y)?"), s("-ab-axxb-"), n(-1)))
                .isEqualTo(arr(arr(s("ab"), s(""), s("")), arr(s("axxb"), s("xx"), s(""))));
    }

    @Test
    void replaceExpandsGroupsAsGo() {
        assertThat(call("regex.replace", s("-ab-axxb-"), s("a(x*)b"), s("T"))).isEqualTo(s("-T-T-"));
        assertThat(call("regex.replace", s("-ab-axxb-"), s("a(x*)b"), s("${1}W")))
                .isEqualTo(s("-W-xxW-"));
        assertThat(call("regex.replace", s("-ab-axxb-"), s("a(x*)b"), s("$1W")))
                .as("$1W names group 1W")
                .isEqualTo(s("---"));
        assertThat(call("regex.replace", s("ab"), s("(?P<first>a)"), s("[$first]$$")))
                .isEqualTo(s("[a]$b"));
    }

    @Test
    void globsHonourDelimiters() {
        assertThat(call("glob.match", s("*.github.com"), arr(), s("api.github.com")))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("glob.match", s("*.github.com"), arr(), s("api.cdn.github.com")))
                .isEqualTo(BooleanValue.FALSE);
        assertThat(call("glob.match", s("*.github.com"), NullValue.INSTANCE, s("api.cdn.github.com")))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("glob.match", s("**.github.com"), arr(), s("api.cdn.github.com")))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("glob.match", s("*:github:com"), arr(s(":")), s("api:github:com")))
                .isEqualTo(BooleanValue.TRUE);
        assertThat(call("glob.match", s("{cat,bat,[fr]at}"), arr(), s("rat"))).isEqualTo(BooleanValue.TRUE);
        assertThat(call("glob.match", s("[!a-c]at"), arr(), s("bat"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("glob.match", s("?at"), arr(), s(".at"))).isEqualTo(BooleanValue.FALSE);
        assertThat(call("glob.match", s("\\*x"), arr(), s("*x"))).isEqualTo(BooleanValue.TRUE);
        assertThat(error("glob.match", s("{a"), arr(), s("a")).code()).isEqualTo(BuiltinException.BUILTIN_ERROR);
        assertThat(call("glob.quote_meta", s("*.github.com"))).isEqualTo(s("\\*.github.com"));
        assertThat(error("glob.match", s("*"), arr(s("::")), s("a")))
                .hasMessage("glob.match: operand 2 must be array of runes but got array containing string");
    }
}
