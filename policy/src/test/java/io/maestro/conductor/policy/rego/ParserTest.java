package io.maestro.conductor.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.policy.rego.ast.Expr;
import io.maestro.conductor.policy.rego.ast.Module;
import io.maestro.conductor.policy.rego.ast.Rule;
import io.maestro.conductor.policy.rego.ast.Term;
import io.maestro.conductor.policy.rego.parse.Parser;
import io.maestro.conductor.policy.rego.value.StringValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

    @Test
    void parsesRuleFormsOfRegoV1() {
        Module m = Parser.parseModule("p.rego", """
        package a.b
        import rego.v1
        import data.x.y as z

        default allow := false
        allow if input.ok
        deny contains msg if { msg := "no" }
        obj[k] := v if { some k, v in input.m }
        refs.deep.c := 1
        f(x) := x + 1
        f(x) := 2 if x == 1 else := 3
        """);
        assertThat(m.pkg()).containsExactly("a", "b");
        assertThat(m.imports()).singleElement().satisfies(i -> {
            assertThat(i.alias()).isEqualTo("z");
            assertThat(i.path()).containsExactly("data", "x", "y");
        });
        List<Rule> rules = m.rules();
        assertThat(rules).hasSize(7);
        assertThat(rules.get(0).isDefault()).isTrue();
        assertThat(rules.get(2).kind()).isEqualTo(Rule.Kind.MULTI);
        assertThat(rules.get(3).ref()).hasSize(2);
        assertThat(rules.get(4).ref())
                .extracting(t -> ((Term.Scalar) t).value())
                .containsExactly(StringValue.of("refs"), StringValue.of("deep"), StringValue.of("c"));
        assertThat(rules.get(5).kind()).isEqualTo(Rule.Kind.FUNCTION);
        assertThat(rules.get(6).elseRule()).isNotNull();
    }

    @Test
    void operatorsFollowOpaPrecedence() {
        Expr e = Parser.parseQuery("x := 1 + 2 * 3 == 7").get(0);
        Term rhs = ((Expr.Assign) e.stmt()).right();
        assertThat(rhs).isInstanceOfSatisfying(Term.Call.class, c -> {
            assertThat(c.name()).isEqualTo("equal");
            assertThat(((Term.Call) c.args().get(0)).name()).isEqualTo("plus");
        });
        Term member = ((Expr.TermStmt)
                        Parser.parseQuery("\"k\", 1 in {\"k\": 1}").get(0).stmt())
                .term();
        assertThat(((Term.Call) member).name()).isEqualTo("internal.member_3");
    }

    @Test
    void parsesStringsRawStringsNumbersAndComprehensions() {
        List<Expr> q = Parser.parseQuery("""
        a := "tab\\there \\u00e9"
        b := `raw \\n`
        c := [x | x := [1, 2.5, -3e2][_]]
        d := {k: v | some k, v in {"a": 1}}
        e := {x | x := 1}
        f := set()
        """);
        assertThat(q).hasSize(6);
        Term a = ((Expr.Assign) q.get(0).stmt()).right();
        assertThat(((Term.Scalar) a).value()).isEqualTo(StringValue.of("tab\there é"));
        Term b = ((Expr.Assign) q.get(1).stmt()).right();
        assertThat(((Term.Scalar) b).value()).isEqualTo(StringValue.of("raw \\n"));
        assertThat(((Expr.Assign) q.get(2).stmt()).right()).isInstanceOf(Term.ArrayCompr.class);
        assertThat(((Expr.Assign) q.get(3).stmt()).right()).isInstanceOf(Term.ObjectCompr.class);
        assertThat(((Expr.Assign) q.get(4).stmt()).right()).isInstanceOf(Term.SetCompr.class);
    }

    @Test
    void parseErrorsCarryFileLineAndColumn() {
        assertThatThrownBy(() -> Parser.parseModule("bad.rego", "package x\n\np {\n  true\n}\n"))
                .isInstanceOfSatisfying(RegoException.class, e -> {
                    assertThat(e.code()).isEqualTo("rego_parse_error");
                    assertThat(e.errors().get(0).line()).isEqualTo(3);
                    assertThat(e.errors().get(0).col()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("bad.rego:3: rego_parse_error: `if` keyword is required");
                });
        assertThatThrownBy(() -> Parser.parseModule("s.rego", "package x\np := \"open"))
                .hasMessageContaining("s.rego:2: rego_parse_error: non-terminated string");
        assertThatThrownBy(() -> Parser.parseModule("k.rego", "package x\np := [1, 2"))
                .hasMessageContaining("rego_parse_error");
    }

    @Test
    void deepNestingIsAParseErrorNotAStackOverflow() {
        String deep = "x := " + "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> Parser.parseQuery(deep))
                .isInstanceOfSatisfying(
                        RegoException.class, e -> assertThat(e.getMessage()).contains("nested too deeply"));
    }
}
