package io.maestro.conductor.policy.rego;

import static io.maestro.conductor.policy.rego.Rego.engine;
import static io.maestro.conductor.policy.rego.Rego.engineWithData;
import static io.maestro.conductor.policy.rego.Rego.eval;
import static io.maestro.conductor.policy.rego.Rego.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void completeRulesDefaultsAndUndefinedVersusFalse() {
        RegoEngine e = engine("""
        package authz
        default allow := false
        allow if input.role == "admin"
        maybe if input.role == "admin"
        """);
        assertThat(eval(e, "authz.allow", "{\"role\":\"admin\"}")).isEqualTo("true");
        assertThat(eval(e, "data.authz.allow", "{\"role\":\"dev\"}")).isEqualTo("false");
        assertThat(eval(e, "authz.maybe", "{\"role\":\"dev\"}")).isEqualTo("undefined");
        assertThat(eval(e, "authz.allow", null)).isEqualTo("false");
    }

    @Test
    void partialSetsObjectsAndRefHeadsBuildDocuments() {
        RegoEngine e = engineWithData("{\"users\": {\"ann\": {\"team\": \"a\"}, \"bob\": {\"team\": \"b\"}}}", """
        package teams
        members contains name if some name, _ in data.users
        by_team[t] contains name if {
          some name, u in data.users
          t := u.team
        }
        team_of[name] := u.team if some name, u in data.users
        flags.strict := true
        """);
        assertThat(eval(e, "teams.members")).isEqualTo("[\"ann\",\"bob\"]");
        assertThat(eval(e, "teams.by_team")).isEqualTo("{\"a\":[\"ann\"],\"b\":[\"bob\"]}");
        assertThat(eval(e, "teams.team_of")).isEqualTo("{\"ann\":\"a\",\"bob\":\"b\"}");
        assertThat(eval(e, "teams")).contains("\"flags\":{\"strict\":true}");
        QueryResults r = e.query("data.teams.team_of[n] == \"b\"", null, QueryOptions.defaults());
        assertThat(r.bindings()).singleElement().satisfies(b -> assertThat(b).containsEntry("n", json("\"bob\"")));
    }

    @Test
    void elseChainsAndFunctionsWithSeveralDefinitions() {
        RegoEngine e = engine("""
        package f
        grade(n) := "high" if n > 10
        else := "mid" if n > 5
        else := "low"
        kind(x) := "num" if is_number(x)
        kind(x) := "str" if is_string(x)
        a := grade(11)
        b := grade(6)
        c := grade(1)
        d := kind("s")
        """);
        assertThat(eval(e, "f.a")).isEqualTo("\"high\"");
        assertThat(eval(e, "f.b")).isEqualTo("\"mid\"");
        assertThat(eval(e, "f.c")).isEqualTo("\"low\"");
        assertThat(eval(e, "f.d")).isEqualTo("\"str\"");
    }

    @Test
    void someEveryNotAndComprehensions() {
        RegoEngine e = engine("""
        package q
        all_pos if every x in input.xs { x > 0 }
        has_neg if { some x in input.xs; x < 0 }
        no_zero if not zero
        zero if { some x in input.xs; x == 0 }
        doubled := [y | some x in input.xs; y := x * 2]
        idx := {i: x | some i, x in input.xs}
        uniq := {x | some x in input.xs}
        """);
        String input = "{\"xs\": [3, 1, 3]}";
        assertThat(eval(e, "q.all_pos", input)).isEqualTo("true");
        assertThat(eval(e, "q.has_neg", input)).isEqualTo("undefined");
        assertThat(eval(e, "q.no_zero", input)).isEqualTo("true");
        assertThat(eval(e, "q.doubled", input)).isEqualTo("[6,2,6]");
        assertThat(eval(e, "q.idx", input)).isEqualTo("{\"0\":3,\"1\":1,\"2\":3}");
        assertThat(eval(e, "q.uniq", input)).isEqualTo("[1,3]");
        assertThat(eval(e, "q.all_pos", "{\"xs\": [1, -1]}")).isEqualTo("undefined");
    }

    @Test
    void unificationDestructuresAndReordersForSafety() {
        RegoEngine e = engine("""
        package u
        p := [a, b] if {
          b == 2
          [a, b] = [1, y]
          y = 2
        }
        q := z if {
          {"k": z, "n": 1} = input.o
        }
        """);
        assertThat(eval(e, "u.p")).isEqualTo("[1,2]");
        assertThat(eval(e, "u.q", "{\"o\": {\"k\": \"v\", \"n\": 1}}")).isEqualTo("\"v\"");
        assertThat(eval(e, "u.q", "{\"o\": {\"k\": \"v\", \"n\": 2}}")).isEqualTo("undefined");
    }

    @Test
    void withReplacesInputDataAndFunctions() {
        RegoEngine e = engineWithData("{\"limits\": {\"max\": 3}}", """
        package w
        over if input.n > data.limits.max
        double(x) := x * 2
        triple(x) := x * 3
        len_plus(xs) := count(xs) + 100
        t1 if over with input as {"n": 5}
        t2 if not over with input as {"n": 5} with data.limits.max as 10
        t3 := y if y := double(2) with double as triple
        t4 := y if y := count([1, 2]) with count as len_plus
        t5 := x if x := count([1]) with count as 42
        """);
        assertThat(eval(e, "w.t1")).isEqualTo("true");
        assertThat(eval(e, "w.t2")).isEqualTo("true");
        assertThat(eval(e, "w.t3")).isEqualTo("6");
        assertThat(eval(e, "w.t4")).isEqualTo("102");
        assertThat(eval(e, "w.t5")).isEqualTo("42");
        assertThat(eval(e, "w.over", "{\"n\": 1}")).isEqualTo("undefined");
    }

    @Test
    void conflictsAreEvalConflictErrors() {
        RegoEngine complete = engine("package c\np := 1\np := 2\n");
        assertThatThrownBy(() -> eval(complete, "c.p")).isInstanceOfSatisfying(RegoException.class, ex -> {
            assertThat(ex.code()).isEqualTo("eval_conflict_error");
            assertThat(ex.getMessage()).contains("rule data.c.p produced conflicting values");
        });
        RegoEngine fn = engine("package c\nf(_) := 1\nf(_) := 2\np := f(0)\n");
        assertThatThrownBy(() -> eval(fn, "c.p"))
                .hasMessageContaining("function data.c.f produced conflicting values for the same inputs");
        RegoEngine obj = engine("package c\np[k] := v if { some k, v in {\"a\": 1, \"b\": 2}; k2 := \"a\"; k == k }\n"
                + "p[\"a\"] := 5\n");
        assertThatThrownBy(() -> eval(obj, "c.p")).hasMessageContaining("object keys must be unique");
    }

    @Test
    void aGroundKeyEvaluatesOnlyThatKeyOfAPartialObject() {
        RegoEngine e = engine("""
        package k
        p[k] := v if { some k, v in {"a": 1, "b": 2} }
        p["b"] := 3
        """);
        assertThat(eval(e, "k.p.a")).isEqualTo("1");
        assertThat(eval(e, "k.p.zz")).isEqualTo("undefined");
        assertThatThrownBy(() -> eval(e, "k.p.b")).hasMessageContaining("object keys must be unique");
        assertThatThrownBy(() -> eval(e, "k.p")).hasMessageContaining("object keys must be unique");
    }

    @Test
    void queriesReportEveryBindingOfNamedVariables() {
        RegoEngine e = engineWithData("{\"xs\": [10, 20]}", "package x\n");
        QueryResults r = e.query("v := data.xs[i]", null, QueryOptions.defaults());
        assertThat(r.bindings()).hasSize(2);
        assertThat(r.bindings().get(1)).containsEntry("i", json("1")).containsEntry("v", json("20"));
        assertThat(e.query("data.xs[_] > 100", null, QueryOptions.defaults()).defined())
                .isFalse();
        assertThat(e.packages()).containsExactly("x");
    }

    @Test
    void walkAndPrintNeedTheEvaluator() {
        List<String> printed = new ArrayList<>();
        RegoEngine e = engine("""
        package t
        leaves := {p | walk(input, [p, v]); is_number(v)}
        shout if {
          print("n is", input.n, "missing", input.none, {"a": [1, {2}]}, set())
        }
        """);
        QueryOptions options = QueryOptions.defaults().withContext(new BuiltinContext(0, Map.of(), printed::add));
        assertThat(e.evaluate("t.leaves", json("{\"a\": {\"b\": 1}, \"c\": 2}"), options)
                        .map(Values::toJsonString))
                .contains("[[\"a\",\"b\"],[\"c\"]]");
        assertThat(e.evaluate("t.shout", json("{\"n\": 1}"), options)).isPresent();
        assertThat(printed).containsExactly("n is 1 missing <undefined> {\"a\": [1, {2}]} set()");
    }

    @Test
    void printQuotesStringsInsideValuesAsGo() {
        List<String> printed = new ArrayList<>();
        RegoEngine e = engine("""
        package t
        shout if print(["\\u0001", "é"])
        """);
        QueryOptions options = QueryOptions.defaults().withContext(new BuiltinContext(0, Map.of(), printed::add));
        assertThat(e.evaluate("t.shout", json("{}"), options)).isPresent();
        assertThat(printed).containsExactly("[\"\\x01\", \"é\"]");
    }

    @Test
    void existenceChecksStopAtTheFirstSolutionAndLeaveOuterSearchesRunning() {
        List<String> printed = new ArrayList<>();
        RegoEngine e = engine("""
        package h
        first if {
          some x in [1, 2, 3]
          print("first", x)
        }
        big if {
          some x in [1, 2, 3]
          print("big", x)
          x > 1
        }
        kept := [x | some x in [1, 2, 3]; not skip(x); print("kept", x)]
        skip(x) if {
          some y in [x, x]
          print("skip?", y)
          y == 2
        }
        """);
        QueryOptions options = QueryOptions.defaults().withContext(new BuiltinContext(0, Map.of(), printed::add));
        assertThat(e.evaluate("h.first", null, options)).isPresent();
        assertThat(printed).containsExactly("first 1");
        printed.clear();
        assertThat(e.evaluate("h.big", null, options)).isPresent();
        assertThat(printed).containsExactly("big 1", "big 2");
        printed.clear();
        assertThat(e.evaluate("h.kept", null, options).map(Values::toJsonString))
                .contains("[1,3]");
        assertThat(printed).containsExactly("skip? 1", "skip? 1", "kept 1", "skip? 2", "skip? 3", "skip? 3", "kept 3");
    }

    @Test
    void strictModeTurnsBuiltinErrorsIntoErrors() {
        RegoEngine e = engine("package s\np := x if x := to_number(input.s)\n");
        QueryOptions lenient = QueryOptions.defaults();
        assertThat(e.evaluate("s.p", json("{\"s\": \"nan?\"}"), lenient)).isEmpty();
        assertThatThrownBy(() -> e.evaluate("s.p", json("{\"s\": \"nan?\"}"), lenient.withStrictBuiltinErrors(true)))
                .isInstanceOfSatisfying(
                        RegoException.class, ex -> assertThat(ex.code()).isEqualTo("eval_builtin_error"));
    }
}
