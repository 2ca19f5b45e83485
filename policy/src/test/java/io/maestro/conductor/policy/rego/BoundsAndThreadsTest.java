package io.maestro.conductor.policy.rego;

import static io.maestro.conductor.policy.rego.Rego.engine;
import static io.maestro.conductor.policy.rego.Rego.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BoundsAndThreadsTest {
    private static final String EXPONENTIAL = """
      package boom
      xs := [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
      n := count([1 | xs[_]; xs[_]; xs[_]; xs[_]; xs[_]; xs[_]; xs[_]; xs[_]])
      """;

    @Test
    void stepLimitCancelsARunawayQuery() {
        RegoEngine e = engine(EXPONENTIAL);
        QueryOptions few = new QueryOptions(BuiltinContext.now(), 10_000, Duration.ofSeconds(30), false);
        assertThatThrownBy(() -> e.evaluate("boom.n", null, few)).isInstanceOfSatisfying(RegoException.class, ex -> {
            assertThat(ex.code()).isEqualTo("eval_cancel_error");
            assertThat(ex.getMessage()).contains("exceeded 10000 steps");
        });
    }

    @Test
    void deadlineCancelsARunawayQuery() {
        RegoEngine e = engine(EXPONENTIAL);
        QueryOptions quick = new QueryOptions(BuiltinContext.now(), Long.MAX_VALUE, Duration.ofMillis(50), false);
        assertThatThrownBy(() -> e.evaluate("boom.n", null, quick))
                .isInstanceOfSatisfying(
                        RegoException.class, ex -> assertThat(ex.getMessage()).contains("timed out"));
    }

    @Test
    void deepRuleChainsEndWithACancelErrorNotAStackOverflow() {
        StringBuilder src = new StringBuilder("package deep\n");
        for (int i = 0; i < 1000; i++)
            src.append("p").append(i).append(" := p").append(i + 1).append(" + 1\n");
        src.append("p1000 := 0\n");
        RegoEngine e = engine(src.toString());
        assertThat(Rego.eval(e, "deep.p900")).isEqualTo("100");
        assertThatThrownBy(() -> Rego.eval(e, "deep.p0"))
                .isInstanceOfSatisfying(
                        RegoException.class, ex -> assertThat(ex.code()).isEqualTo("eval_cancel_error"));
    }

    @Test
    void oneEngineServesManyThreadsWithTheirOwnInputs() throws Exception {
        RegoEngine e = engine("""
        package par
        default allow := false
        allow if { input.n % 2 == 0; count(evens) == input.n / 2 }
        evens contains x if { some x in numbers.range(1, input.n); x % 2 == 0 }
        """);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 400; t++) {
                int n = t % 40 + 1;
                results.add(pool.submit(() -> {
                    Value v = e.evaluate("par.allow", json("{\"n\": " + n + "}"), QueryOptions.defaults())
                            .orElseThrow();
                    return v.equals(BooleanValue.of(n % 2 == 0));
                }));
            }
            for (Future<Boolean> f : results) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nowIsFixedPerQueryFromTheContext() {
        RegoEngine e = engine("package t\nsame if time.now_ns() == time.now_ns()\nnow := time.now_ns()\n");
        QueryOptions at = QueryOptions.defaults().withContext(new BuiltinContext(42, Map.of(), line -> {}));
        assertThat(e.evaluate("t.now", null, at)).contains(json("42"));
        assertThat(e.evaluate("t.same", null, at)).contains(BooleanValue.TRUE);
    }
}
