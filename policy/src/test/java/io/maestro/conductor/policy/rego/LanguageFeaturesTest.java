package io.maestro.conductor.policy.rego;

import static io.maestro.conductor.policy.rego.Rego.engine;
import static io.maestro.conductor.policy.rego.Rego.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Rego language rules of current OPA, each written from OPA's policy-language documentation. */
class LanguageFeaturesTest {

    /** "every x in xs" holds for each element of a collection, vacuously for an empty one; over anything else it is undefined. */
    @Test
    void everyOverANonCollectionIsUndefined() {
        RegoEngine e = engine("""
        package q
        all_pos if every x in input.xs { x > 0 }
        """);
        assertThat(eval(e, "q.all_pos", "{\"xs\": []}")).isEqualTo("true");
        assertThat(eval(e, "q.all_pos", "{\"xs\": {\"a\": 1}}")).isEqualTo("true");
        for (String notCollection : new String[] {"1", "\"abc\"", "true", "null"}) {
            assertThat(eval(e, "q.all_pos", "{\"xs\": " + notCollection + "}"))
                    .as(notCollection)
                    .isEqualTo("undefined");
        }
    }

    /** OPA reads a keyword directly followed by "." or "[" as a name, in rule heads, references and literals. */
    @Test
    void keywordsServeAsRuleHeadAndReferenceSegments() {
        RegoEngine e = engine("""
        package kw
        as.foo := 1
        default.x := 2
        not.y := 3
        if.list := [7]
        foo.if := 4
        from_input := input.true.x
        uses_as if as.foo == 1
        uses_not if { not.y == 3 }
        uses_if := v if { v := if.list[0] }
        """);
        assertThat(eval(e, "kw.as")).isEqualTo("{\"foo\":1}");
        assertThat(eval(e, "kw.default.x")).isEqualTo("2");
        assertThat(eval(e, "kw.foo")).isEqualTo("{\"if\":4}");
        assertThat(eval(e, "kw.from_input", "{\"true\": {\"x\": 5}}")).isEqualTo("5");
        assertThat(eval(e, "kw.uses_as")).isEqualTo("true");
        assertThat(eval(e, "kw.uses_not"))
                .as("not.y is a reference, not a negation")
                .isEqualTo("true");
        assertThat(eval(e, "kw.uses_if")).isEqualTo("7");
        assertThatThrownBy(() -> engine("package kw\nas := 1\n"))
                .isInstanceOf(RegoException.class)
                .hasMessageContaining("rego_parse_error");
    }

    /** "not { ... }" holds when its body has no solution; every way the body could iterate must fail. */
    @Test
    void notBodyNegatesAWholeBody() {
        RegoEngine e = engine("""
        package nb
        import future.keywords.not
        default both := false
        both if {
          not { input.a; input.b }
        }
        no_zero(lst) if not {
          some x in lst
          x == 0
        }
        clean if no_zero([1, 2, 3])
        dirty if no_zero([1, 0, 3])
        outer_bound if { x := 1; not { x == 2 } }
        local_vars if { not { y := input.a; y == false } }
        still_a_set if not {1, 2}
        false_body if not {false}
        chosen := "none" if not { input.a } else := "some"
        """);
        assertThat(eval(e, "nb.both", "{\"a\": true, \"b\": false}")).isEqualTo("true");
        assertThat(eval(e, "nb.both", "{\"a\": true, \"b\": true}")).isEqualTo("false");
        assertThat(eval(e, "nb.both", "{}"))
                .as("an undefined body is negated too")
                .isEqualTo("true");
        assertThat(eval(e, "nb.clean")).isEqualTo("true");
        assertThat(eval(e, "nb.dirty")).isEqualTo("undefined");
        assertThat(eval(e, "nb.outer_bound")).isEqualTo("true");
        assertThat(eval(e, "nb.local_vars", "{\"a\": true}")).isEqualTo("true");
        assertThat(eval(e, "nb.local_vars", "{\"a\": false}")).isEqualTo("undefined");
        assertThat(eval(e, "nb.still_a_set"))
                .as("a set literal after not stays a set")
                .isEqualTo("undefined");
        assertThat(eval(e, "nb.false_body")).isEqualTo("true");
        assertThat(eval(e, "nb.chosen", "{}")).isEqualTo("\"none\"");
        assertThat(eval(e, "nb.chosen", "{\"a\": true}")).isEqualTo("\"some\"");
    }

    /**
     * Template strings: strings are inserted as they are, other values as Rego writes them, an undefined
     * expression as "<undefined>"; an expression with several values is a conflict. \\{ and \\} are braces.
     */
    @Test
    void templateStringsInterpolateExpressions() {
        RegoEngine e = engine("""
        package ts
        name := "alice"
        greeting := $"hello {name}!"
        values := $"n={1 + 2} s={input.s} arr={[1, "x"]} obj={{"k": 1}} set={{1}} none={set()} b={true} z={null}"
        missing := $"m={input.missing}"
        raw := $`two
        lines {name} \\{kept\\}`
        escaped := $"\\{x\\} \\"q\\" {"str"}"
        nested := $"outer {$"inner {name}"}"
        each := $"{input.xs[_]}"
        """);
        assertThat(eval(e, "ts.greeting")).isEqualTo("\"hello alice!\"");
        assertThat(eval(e, "ts.values", "{\"s\": \"S\"}"))
                .isEqualTo("\"n=3 s=S arr=[1, \\\"x\\\"] obj={\\\"k\\\": 1} set={1} none=set() b=true z=null\"");
        assertThat(eval(e, "ts.missing")).isEqualTo("\"m=<undefined>\"");
        assertThat(eval(e, "ts.raw")).isEqualTo("\"two\\nlines alice {kept}\"");
        assertThat(eval(e, "ts.escaped")).isEqualTo("\"{x} \\\"q\\\" str\"");
        assertThat(eval(e, "ts.nested")).isEqualTo("\"outer inner alice\"");
        assertThat(eval(e, "ts.each", "{\"xs\": [1, 1]}"))
                .as("one distinct value")
                .isEqualTo("\"1\"");
        assertThatThrownBy(() -> eval(e, "ts.each", "{\"xs\": [1, 2]}"))
                .isInstanceOf(RegoException.class)
                .hasMessageContaining("eval_conflict_error: template-strings must not produce multiple outputs");
    }

    @Test
    void templateStringExpressionsAreTermsOnly() {
        String[][] refused = {
            {"x := 1", "unexpected assignment (':=') in template-string expression"},
            {"x = 1", "unexpected unification ('=') in template-string expression"},
            {"not input.x", "unexpected negation ('not') in template-string expression"},
            {"some x in [1]", "unexpected 'some' in template-string expression"}
        };
        for (String[] c : refused) {
            assertThatThrownBy(() -> engine("package ts\np := $\"{" + c[0] + "}\"\n"))
                    .as(c[0])
                    .isInstanceOf(RegoException.class)
                    .hasMessageContaining("rego_parse_error: " + c[1]);
        }
        assertThatThrownBy(() -> engine("package ts\np := $ \"x\"\n")).hasMessageContaining("illegal $ character");
        assertThatThrownBy(() -> engine("package ts\np := $\"{1\"\n")).isInstanceOf(RegoException.class);
    }

    /** A negation binds nothing, so what it mentions is bound first, wherever the binding is written. */
    @Test
    void negatedUnificationWaitsForItsVariables() {
        RegoEngine e = engine("""
        package ng
        q := a if {
          not a = f(1)
          a = f(2)
        }
        r := a if {
          not a = 1
          a = 2
        }
        f(x) := x
        """);
        assertThat(eval(e, "ng.q")).isEqualTo("2");
        assertThat(eval(e, "ng.r")).isEqualTo("2");
        assertThatThrownBy(() -> engine("package ng\np if not input.xs[i]\n")).hasMessageContaining("var i is unsafe");
    }

    /** Every package is a document: one without rules is {} under data. */
    @Test
    void aPackageWithoutRulesIsAnEmptyObject() {
        RegoEngine e = engine("package a.b\n", "package a.c\nx := 1\n");
        assertThat(eval(e, "a")).isEqualTo("{\"b\":{},\"c\":{\"x\":1}}");
        assertThat(eval(e, "a.b")).isEqualTo("{}");
        assertThat(eval(e, "a.b.nothing")).isEqualTo("undefined");
    }

    /** Ref heads of different depths build one document: objects from each merge key by key. */
    @Test
    void refHeadsOfDifferentDepthsMerge() {
        RegoEngine e = engine("""
        package m
        c[x][y] := 1 if { x := "m"; y := "n" }
        c.m.o := 2
        d[x] := {"i": 1} if x := "z"
        d.z.j := 2
        p.q[r] := 1 if r := "k"
        p.q.s := "x"
        clash[x] := {"i": 1} if x := "z"
        clash.z.i := 2
        """);
        assertThat(eval(e, "m.c")).isEqualTo("{\"m\":{\"n\":1,\"o\":2}}");
        assertThat(eval(e, "m.c.m")).isEqualTo("{\"n\":1,\"o\":2}");
        assertThat(eval(e, "m.d")).isEqualTo("{\"z\":{\"i\":1,\"j\":2}}");
        assertThat(eval(e, "m.p")).isEqualTo("{\"q\":{\"k\":1,\"s\":\"x\"}}");
        assertThatThrownBy(() -> eval(e, "m.clash"))
                .isInstanceOf(RegoException.class)
                .hasMessageContaining("eval_conflict_error: object keys must be unique");
    }

    /** OPA's compile-time conflict messages: kinds, arities, defaults, packages and rules inside a rule's document. */
    @Test
    void ruleConflictsAreWordedAsOpaWordsThem() {
        assertThatThrownBy(() -> engine("package k\np contains x if { x = 1 }\np[x] = y if { x = y; x = \"a\" }\n"))
                .hasMessage("m0.rego:2: rego_type_error: conflicting rules data.k.p[x] found");
        assertThatThrownBy(() -> engine("package k\nf(1) if { true }\nf if { true }\n"))
                .hasMessage("m0.rego:2: rego_type_error: conflicting rules data.k.f found");
        assertThatThrownBy(() -> engine("package k\ndefault foo = 1\ndefault foo = 2\n"))
                .hasMessage(
                        "m0.rego:2: rego_type_error: multiple default rules data.k.foo found at m0.rego:2, m0.rego:3");
        assertThatThrownBy(() -> engine("package k\np contains v if { v := [\"a\"][_] }\np.q := 42\n"))
                .hasMessage("m0.rego:2: rego_type_error: rule data.k.p conflicts with [data.k.p.q]");
        assertThatThrownBy(() -> engine("package k\np := 1\n", "package k.p.q\n"))
                .hasMessageContaining(
                        "m1.rego:1: rego_type_error: package k.p.q conflicts with rule p defined at m0.rego:2");
        assertThat(eval(engine("package k\np[x] := 1 if x := \"a\"\n", "package k.p.q\nr := 2\n"), "k.p"))
                .as("a rule with a variable in its head leaves room for packages")
                .isEqualTo("{\"a\":1,\"q\":{\"r\":2}}");
    }
}
