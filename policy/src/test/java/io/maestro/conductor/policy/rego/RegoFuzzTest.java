package io.maestro.conductor.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever Rego source, query or input comes in (random, truncated, mutated, pathological),
 * compiling and evaluating ends with a result or a {@link RegoException}, within the query bounds;
 * never another exception type, a hang or a StackOverflowError.
 */
class RegoFuzzTest {
    private static final long SEED = 20261126L;
    private static final QueryOptions TIGHT =
            new QueryOptions(new BuiltinContext(0, Map.of(), line -> {}), 20_000, Duration.ofMillis(300), false);

    private static final List<String> SAMPLES = List.of("""
      package fuzz.a
      import rego.v1
      default allow := false
      allow if { input.user.role == "admin"; count(input.user.groups) > 0 }
      deny contains msg if { some g in input.user.groups; startswith(g, "x"); msg := sprintf("bad %v", [g]) }
      scores[name] := s if { some name, s in input.scores; s > 1 }
      f(x) := y if y := x * 2 else := 0
      g([a, b]) := a + b
      every_pos if every v in input.nums { v > 0 }
      total := sum([n | some n in input.nums])
      """, """
      package fuzz.b
      p.q.r := 1
      p.q[k] := v if some k, v in {"s": 2}
      cmp := {k: v | some k in ["a", "b"]; v := upper(k)}
      m := x if { x := data.fuzz.a.total with input.nums as [1, 2, 3] }
      n if not data.fuzz.a.allow
      w := [p | walk(input, [p, _])]
      s := {1, 2, 3} & {2, 3} | {9}
      """);

    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        "(",
        ")",
        ":=",
        "=",
        "==",
        "if",
        "else",
        "contains",
        "some",
        "every",
        "in",
        "not",
        "with",
        "as",
        "input",
        "data",
        "_",
        "x",
        "1",
        "\"s\"",
        "`r`",
        ",",
        ";",
        "\n",
        "+",
        "-",
        "*",
        "/",
        "%",
        "&",
        "|",
        ".",
        "default",
        "package",
        "import",
        "count(",
        "true",
        "null"
    };

    @Test
    void mutatedAndTruncatedPoliciesFailOnlyWithRegoErrors() {
        Random random = new Random(SEED);
        int evaluated = 0;
        for (int i = 0; i < 1500; i++) {
            String source = mutate(SAMPLES.get(random.nextInt(SAMPLES.size())), random);
            if (exercise(List.of(source, SAMPLES.get(0)), randomJson(random, 0), random)) evaluated++;
        }
        // the property must also cover evaluation, not only parse errors
        assertThat(evaluated).isGreaterThan(50);
    }

    @Test
    void randomPoliciesFailOnlyWithRegoErrors() {
        Random random = new Random(SEED + 1);
        int evaluated = 0;
        for (int i = 0; i < 1500; i++) {
            StringBuilder src = new StringBuilder("package fuzz.r\n");
            int rules = 1 + random.nextInt(4);
            for (int r = 0; r < rules; r++) {
                src.append("r")
                        .append(random.nextInt(3))
                        .append(" := ")
                        .append(expr(random, 0))
                        .append(" if { ")
                        .append(expr(random, 0))
                        .append(" }\n");
            }
            if (exercise(List.of(src.toString()), randomJson(random, 0), random)) evaluated++;
        }
        assertThat(evaluated).isGreaterThan(50);
    }

    @Test
    void randomQueriesAndJsonTermsFailOnlyWithRegoErrors() {
        Random random = new Random(SEED + 2);
        RegoEngine engine = RegoEngine.compile(List.of(new RegoModule("s.rego", SAMPLES.get(0))), ObjectValue.EMPTY);
        for (int i = 0; i < 1000; i++) {
            String json = randomJson(random, 0).toString();
            String query = random.nextBoolean()
                    ? "x := " + json.substring(0, random.nextInt(json.length() + 1))
                    : expr(random, 0) + " == y; y := " + expr(random, 0);
            run(() -> engine.query(query, randomJson(random, 0), TIGHT), query);
        }
    }

    @Test
    void pathologicalPoliciesHitTheBoundsWithClearErrors() {
        StringBuilder chain = new StringBuilder("package deep\n");
        for (int i = 0; i < 2000; i++)
            chain.append("p").append(i).append(" := p").append(i + 1).append(" + 1\n");
        chain.append("p2000 := 0\n");
        String exponential = "package boom\nxs := [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                + "n := count([1 | xs[_]; xs[_]; xs[_]; xs[_]; xs[_]; xs[_]; xs[_]; xs[_]; xs[_]])\n";
        String recursion = "package rec\nf(x) := g(x)\ng(x) := f(x)\ny := f(1)\n";
        String deepTerm = "package nest\nx := " + "[".repeat(3000) + "]".repeat(3000) + "\n";
        String deepNot = "package neg\np if { " + "not ".repeat(3000) + "true }\n";
        for (String source : List.of(chain.toString(), exponential, recursion, deepTerm, deepNot)) {
            RegoException error = runExpectingError(source);
            assertThat(error.code())
                    .isIn("eval_cancel_error", "rego_recursion_error", "rego_parse_error", "rego_compile_error");
        }
    }

    private static RegoException runExpectingError(String source) {
        RegoException[] caught = new RegoException[1];
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> {
                    try {
                        RegoEngine e = RegoEngine.compile(List.of(new RegoModule("p.rego", source)), ObjectValue.EMPTY);
                        e.evaluate("data", null, TIGHT);
                    } catch (RegoException ex) {
                        caught[0] = ex;
                    }
                },
                () -> "no bounded end for:\n" + source);
        assertThat(caught[0])
                .as("an error for:\n%s", source.length() > 300 ? source.substring(0, 300) : source)
                .isNotNull();
        return caught[0];
    }

    /** True when the sources compiled and every query ran to a result. */
    private static boolean exercise(List<String> sources, Value input, Random random) {
        return run(
                () -> {
                    List<RegoModule> modules = new ArrayList<>();
                    for (int i = 0; i < sources.size(); i++)
                        modules.add(new RegoModule("f" + i + ".rego", sources.get(i)));
                    RegoEngine e = RegoEngine.compile(modules, ObjectValue.EMPTY);
                    e.evaluate("data", input, TIGHT.withStrictBuiltinErrors(random.nextBoolean()));
                    for (String pkg : e.packages()) e.query("x = data." + pkg, input, TIGHT);
                },
                sources.get(0));
    }

    private static boolean run(Runnable action, String what) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                action.run();
                return true;
            } catch (RegoException expected) {
                assertThat(expected.code()).matches("(rego|eval)_[a-z_]+_error");
                return false;
            } catch (Throwable other) {
                throw new AssertionError("unexpected " + other + " for:\n" + what, other);
            }
        });
    }

    private static String mutate(String source, Random random) {
        String s = source;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !s.isEmpty(); i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s = s.substring(0, at);
                case 1 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(8)));
                case 2 -> s = s.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(at);
                default -> {
                    int len = Math.min(s.length() - at, random.nextInt(20));
                    s = s.substring(0, at) + s.substring(at, at + len) + s.substring(at);
                }
            }
        }
        return s;
    }

    private static String expr(Random random, int depth) {
        if (depth > 3 || random.nextInt(3) == 0) {
            String[] leaves = {
                "input.a",
                "input.b[_]",
                "1",
                "2.5",
                "\"s\"",
                "true",
                "null",
                "[1, 2]",
                "{\"k\": 1}",
                "{1, 2}",
                "data.fuzz",
                "input"
            };
            return leaves[random.nextInt(leaves.length)];
        }
        String a = expr(random, depth + 1);
        String b = expr(random, depth + 1);
        return switch (random.nextInt(9)) {
            case 0 -> a + " + " + b;
            case 1 -> a + " == " + b;
            case 2 -> "count(" + a + ")";
            case 3 -> "[x | x := " + a + "]";
            case 4 -> "{k: v | some k, v in " + a + "}";
            case 5 -> a + " in " + b;
            case 6 -> a + " | " + b;
            case 7 -> "object.get(" + a + ", \"k\", " + b + ")";
            default -> "(" + a + ")";
        };
    }

    private static Value randomJson(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> NullValue.INSTANCE;
            case 1 -> BooleanValue.of(random.nextBoolean());
            case 2 -> NumberValue.of(random.nextInt(200) - 100);
            case 3 -> StringValue.of(Integer.toString(random.nextInt(50), 36));
            case 4 -> {
                List<Value> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) items.add(randomJson(random, depth + 1));
                yield new ArrayValue(items);
            }
            default -> {
                Map<Value, Value> m = new TreeMap<>();
                for (String key : new String[] {"a", "b", "user", "nums", "scores"}) {
                    if (random.nextBoolean()) m.put(StringValue.of(key), randomJson(random, depth + 1));
                }
                yield ObjectValue.of(m);
            }
        };
    }
}
