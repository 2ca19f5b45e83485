package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Calls.call;
import static io.maestro.conductor.policy.rego.builtins.Calls.error;
import static io.maestro.conductor.policy.rego.builtins.Calls.json;
import static io.maestro.conductor.policy.rego.builtins.Calls.n;
import static io.maestro.conductor.policy.rego.builtins.Calls.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.Value;
import org.junit.jupiter.api.Test;

class TemplateAndGlobsBuiltinsTest {

    private static Value globs(String a, String b) {
        return call("regex.globs_match", s(a), s(b));
    }

    private static Value render(String template, String varsJson) {
        return call("strings.render_template", s(template), json(varsJson));
    }

    private static Value tmatch(String template, String value) {
        return call("regex.template_match", s(template), s(value), s("{"), s("}"));
    }

    // ---- regex.globs_match ----------------------------------------------------------------------

    @Test
    void globsIntersectTokenByToken() {
        assertThat(globs("a.a.[0-9]+z", ".b.b2359825792*594823z")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs("b.*", "bar")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs("b.*", "car")).isEqualTo(BooleanValue.FALSE);
        assertThat(globs("[a-z]+\\[[0-9]+\\]", "foo\\[1\\]")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs("[a-z]+\\[[0-9]+\\]", "foo[\"bar\"]")).isEqualTo(BooleanValue.FALSE);
        assertThat(globs("abc", "abd")).isEqualTo(BooleanValue.FALSE);
        assertThat(globs("abc", "ab")).as("lengths differ").isEqualTo(BooleanValue.FALSE);
        assertThat(globs("[abc]x", "[cde]x")).as("sets share c").isEqualTo(BooleanValue.TRUE);
        assertThat(globs("[ab]x", "[cd]x")).isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void globsBacktrackOverStarsAndPluses() {
        // The star must stop gobbling before the last "a" for the suffixes to line up.
        assertThat(globs("a*ab", "aaab")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs(".*x.*y", "ayyxbxy")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs(".*x.*y", "ayyxbyz")).isEqualTo(BooleanValue.FALSE);
        assertThat(globs("a+b+", "aab")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs("a+b+", "b")).as("plus needs one a").isEqualTo(BooleanValue.FALSE);
        assertThat(globs("a*b*", "b")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs("x.*", ".*y")).as("both open-ended: xy is in both").isEqualTo(BooleanValue.TRUE);
        assertThat(globs("[a-c]*d", "[c-e]+")).as("cd or dd").isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void globsNeedACommonNonEmptyString() {
        assertThat(globs("[a-z]+", "[0-9]*"))
                .as("only the empty string is common")
                .isEqualTo(BooleanValue.FALSE);
        assertThat(globs("a*", "b*")).isEqualTo(BooleanValue.FALSE);
        assertThat(globs("a*", "a*")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs("", "a*")).isEqualTo(BooleanValue.FALSE);
        assertThat(globs("", "")).as("two empty globs, as OPA answers").isEqualTo(BooleanValue.TRUE);
        assertThat(globs("[]", ".")).as("an empty set matches nothing").isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void globsEscapesAreLiteral() {
        assertThat(globs("\\.", "x")).isEqualTo(BooleanValue.FALSE);
        assertThat(globs("\\.", ".")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs("a\\*", "a*"))
                .as("an escaped star is the character '*'")
                .isEqualTo(BooleanValue.FALSE);
        assertThat(globs("a\\*", "a.")).isEqualTo(BooleanValue.TRUE);
        assertThat(globs("[\\]]", "\\]"))
                .as("escaped ] inside and outside a set")
                .isEqualTo(BooleanValue.TRUE);
        assertThat(globs("[\\]]", "[]")).isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void globsRejectUnsupportedSyntax() {
        for (String bad : new String[] {"*a", "a**", "+", "a]", "[abc", "a\\", "[-a]", "[a-]", "[z-a]", "[a-c-e]"}) {
            BuiltinException e = error("regex.globs_match", s(bad), s("a"));
            assertThat(e.code()).as(bad).isEqualTo(BuiltinException.BUILTIN_ERROR);
            assertThat(e.getMessage())
                    .as(bad)
                    .startsWith("regex.globs_match: pos:")
                    .endsWith("the input provided is invalid");
        }
        assertThat(error("regex.globs_match", s("a"), s("[")).getMessage()).contains("found [ without matching ]");
        assertThat(error("regex.globs_match", n(1), s("a")).getMessage())
                .isEqualTo("regex.globs_match: operand 1 must be string but got number");
    }

    // ---- regex.template_match -------------------------------------------------------------------

    @Test
    void templateMatchTreatsDelimitedPartsAsRegexes() {
        assertThat(tmatch("urn:foo:{.*}", "urn:foo:bar:baz")).isEqualTo(BooleanValue.TRUE);
        assertThat(tmatch("urn:foo:{.*}", "urn:fox:bar")).isEqualTo(BooleanValue.FALSE);
        assertThat(tmatch("urn:foo.bar:{[0-9]{2}}", "urn:foo.bar:42"))
                .as("nested braces")
                .isEqualTo(BooleanValue.TRUE);
        assertThat(tmatch("urn:foo.bar:{[0-9]{2}}", "urn:fooxbar:42"))
                .as("literal dot is quoted")
                .isEqualTo(BooleanValue.FALSE);
        assertThat(tmatch("urn:foo.bar:{[0-9]{2}}", "urn:foo.bar:421"))
                .as("anchored at the end")
                .isEqualTo(BooleanValue.FALSE);
        assertThat(tmatch("{a|b}-{[0-9]+}", "b-7"))
                .as("each part is its own group")
                .isEqualTo(BooleanValue.TRUE);
        assertThat(tmatch("plain", "plain")).isEqualTo(BooleanValue.TRUE);
        assertThat(tmatch("plain", "xplain")).isEqualTo(BooleanValue.FALSE);
        assertThat(call("regex.template_match", s("foo:<[0-9]{2,10}>"), s("foo:123"), s("<"), s(">")))
                .isEqualTo(BooleanValue.TRUE);
    }

    @Test
    void templateMatchErrors() {
        assertThat(error("regex.template_match", s("a{b"), s("ab"), s("{"), s("}"))
                        .getMessage())
                .startsWith("regex.template_match: unbalanced braces");
        assertThat(error("regex.template_match", s("a}b{"), s("ab"), s("{"), s("}"))
                        .getMessage())
                .startsWith("regex.template_match: unbalanced braces");
        assertThat(error("regex.template_match", s("a{(}"), s("a"), s("{"), s("}"))
                        .getMessage())
                .startsWith("regex.template_match: error parsing regexp");
        assertThat(error("regex.template_match", s("a"), s("a"), s("{{"), s("}"))
                        .getMessage())
                .isEqualTo("regex.template_match: start delimiter has to be exactly one character long but is 2 long");
        assertThat(error("regex.template_match", s("a"), s("a"), s("{"), s("é")).getMessage())
                .isEqualTo("regex.template_match: end delimiter has to be exactly one character long but is 2 long");
        assertThat(error("regex.template_match", s("a"), n(1), s("{"), s("}")).code())
                .isEqualTo(BuiltinException.TYPE_ERROR);
    }

    // ---- strings.render_template ----------------------------------------------------------------

    @Test
    void renderSubstitutesFields() {
        assertThat(render("{{.test}}", "{\"test\": \"hello world\"}")).isEqualTo(s("hello world"));
        assertThat(render("{{.test}}", "{\"test\": 2023}")).isEqualTo(s("2023"));
        assertThat(render("n={{.a.b.c}}!", "{\"a\": {\"b\": {\"c\": 1.5}}}")).isEqualTo(s("n=1.5!"));
        assertThat(render("no actions", "{}")).isEqualTo(s("no actions"));
        assertThat(render("{{ .x }} and {{.y}}", "{\"x\": true, \"y\": false}")).isEqualTo(s("true and false"));
    }

    @Test
    void renderPrintsCompositeValuesAsGo() {
        assertThat(render("{{.a}}", "{\"a\": [\"x\", 1, true, null]}")).isEqualTo(s("[x 1 true <nil>]"));
        assertThat(render("{{.m}}", "{\"m\": {\"b\": [1, 2], \"a\": \"s\"}}")).isEqualTo(s("map[a:s b:[1 2]]"));
        assertThat(render("{{.}}", "{\"k\": \"v\"}")).isEqualTo(s("map[k:v]"));
    }

    @Test
    void renderRangeIfElse() {
        assertThat(render(
                        "{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}",
                        "{\"hellonames\": [\"rohan\", \"john doe\"]}"))
                .isEqualTo(s("hello rohan,hello john doe"));
        assertThat(render("{{range .xs}}[{{.}}]{{else}}none{{end}}", "{\"xs\": []}"))
                .isEqualTo(s("none"));
        assertThat(render("{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", "{\"m\": {\"b\": 2, \"a\": 1}}"))
                .as("maps range in key order")
                .isEqualTo(s("a=1;b=2;"));
        assertThat(render("{{if .a}}A{{else if .b}}B{{else}}C{{end}}", "{\"a\": \"\", \"b\": [1]}"))
                .isEqualTo(s("B"));
        assertThat(render("{{if .a}}A{{else if .b}}B{{else}}C{{end}}", "{\"a\": 0, \"b\": []}"))
                .as("json numbers are strings in Go, so 0 is true")
                .isEqualTo(s("A"));
        assertThat(render("{{with .u}}{{.name}}{{else}}anon{{end}}", "{\"u\": {\"name\": \"bo\"}}"))
                .isEqualTo(s("bo"));
        assertThat(render("{{- range .xs }} {{ . -}} ! {{- end }}", "{\"xs\": [1, 2]}"))
                .isEqualTo(s(" 1! 2!"));
        assertThat(render("{{/* note */}}x{{$y := .a}}{{$y}}", "{\"a\": \"z\"}"))
                .isEqualTo(s("xz"));
        assertThat(render(
                        "{{if and .a (not .b)}}yes{{end}}|{{len .xs}}|{{index .xs 1}}|{{eq .s \"v\"}}",
                        "{\"a\": true, \"b\": false, \"xs\": [\"p\", \"q\"], \"s\": \"v\"}"))
                .isEqualTo(s("yes|2|q|true"));
        assertThat(render(
                        "{{range .xs}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}",
                        "{\"xs\": [\"a\", \"b\", \"c\"]}"))
                .isEqualTo(s("a"));
        assertThat(render(
                        "{{range .xs}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}",
                        "{\"xs\": [\"a\", \"b\", \"c\"]}"))
                .isEqualTo(s("ac"));
        assertThat(render("{{if .no}}1{{else with .u}}{{.}}{{end}}", "{\"u\": \"w\"}"))
                .isEqualTo(s("w"));
        assertThat(render("{{with .no}}1{{else if .u}}2{{end}}", "{\"u\": \"w\"}"))
                .isEqualTo(s("2"));
        assertThat(render(
                        "{{eq .missing \"x\"}} {{eq .n nil}} {{ne .s \"t\"}} {{lt .s \"z\"}}",
                        "{\"n\": null, \"s\": \"s\"}"))
                .as("nil compares with anything; strings order")
                .isEqualTo(s("false true true true"));
        assertThat(render("{{$x := 1}}{{range .xs}}{{$x = .}}{{end}}{{$x}}", "{\"xs\": [\"a\", \"b\"]}"))
                .as("assignment reaches the outer variable")
                .isEqualTo(s("b"));
        assertThat(render("{{range 3}}{{.}}{{end}}|{{.a | len}}|{{print .a 1 2 \"x\"}}", "{\"a\": \"héllo\"}"))
                .as("len counts bytes, Sprint spaces only between non-strings")
                .isEqualTo(s("012|6|héllo1 2x"));
    }

    @Test
    void renderMissingKeysShowAsUndefined() {
        assertThat(render("{{.testvarnotprovided}}", "{\"test\": \"hello world\"}"))
                .isEqualTo(s("<undefined>"));
        assertThat(render("test {{.foo}} {{.bar}} {{.baz}}", "{\"baz\": 1}"))
                .isEqualTo(s("test <undefined> <undefined> 1"));
        assertThat(render("var: [{{.a.b}}]", "{}"))
                .as("a field of a missing value is missing")
                .isEqualTo(s("var: [<undefined>]"));
        assertThat(render("{{if .missing}}y{{else}}n{{end}}", "{}")).isEqualTo(s("n"));
    }

    @Test
    void renderErrors() {
        for (String bad : new String[] {
            "{{.a",
            "{{if .a}}x",
            "{{end}}",
            "{{printf \"%d\" 1}}",
            "{{nosuchfunc 1}}",
            "{{define \"x\"}}y{{end}}",
            "{{template \"x\"}}",
            "{{$undefined}}",
            "{{.s.field}}",
            "{{.n.field}}",
            "{{range .s}}{{end}}",
            "{{index .xs 5}}",
            "{{eq .s 1}}",
            "{{else}}",
            "{{nil}}",
            "{{lt true false}}",
            "{{'a'}}"
        }) {
            BuiltinException e =
                    error("strings.render_template", s(bad), json("{\"s\": \"str\", \"n\": null, \"xs\": [1]}"));
            assertThat(e.code()).as(bad).isEqualTo(BuiltinException.BUILTIN_ERROR);
            assertThat(e.getMessage()).as(bad).startsWith("strings.render_template: template: template:");
        }
        assertThat(error("strings.render_template", s("{{range 100000000000}}{{end}}"), json("{}"))
                        .getMessage())
                .as("a runaway loop is stopped")
                .contains("execution exceeds");
        assertThat(error(
                                "strings.render_template",
                                s("{{range 1000}}{{range 1000}}{{$.s}}{{end}}{{end}}"),
                                json("{\"s\": \"" + "x".repeat(20) + "\"}"))
                        .getMessage())
                .contains("output exceeds");
        assertThat(error("strings.render_template", s("x"), s("notanobject")).getMessage())
                .isEqualTo("strings.render_template: operand 2 must be object but got string");
    }
}
