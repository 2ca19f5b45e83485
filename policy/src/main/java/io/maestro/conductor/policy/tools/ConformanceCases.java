package io.maestro.conductor.policy.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.QueryResults;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs OPA-format YAML test cases (the fields of OPA's {@code v1/test/cases}) against the embedded engine
 * and compares like OPA's runner: result rows as a multiset, arrays in bindings sorted when
 * {@code sort_bindings}, errors by code and by message fragment.
 */
public final class ConformanceCases {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The outcome of one case; {@code reason} is empty when it passed. */
    public record Outcome(String file, String note, boolean passed, String reason) {}

    private ConformanceCases() {}

    /** Prints one line per failing case and a last line {@code N passed, M failed}; 0 iff none failed. */
    public static int run(Path dir, PrintStream out) {
        List<Outcome> outcomes;
        try {
            outcomes = runAll(dir);
        } catch (IOException | RuntimeException e) {
            out.println("cannot read cases under " + dir + ": " + e.getMessage());
            out.println("0 passed, 1 failed");
            return 1;
        }
        int passed = 0;
        for (Outcome o : outcomes) {
            if (o.passed()) passed++;
            else out.println(o.file() + ": " + o.note() + ": " + o.reason());
        }
        int failed = outcomes.size() - passed;
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    /** Runs every case of every {@code .yaml}/{@code .yml} file under {@code dir}, in path order. */
    public static List<Outcome> runAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        List<Outcome> out = new ArrayList<>();
        for (Path f : files) {
            String name = dir.relativize(f).toString();
            JsonNode root = YAML.readTree(f.toFile());
            JsonNode cases = root == null ? null : root.get("cases");
            if (cases == null) continue;
            for (JsonNode c : cases) out.add(runCase(name, c));
        }
        return out;
    }

    static Outcome runCase(String file, JsonNode c) {
        String note = c.path("note").asText("");
        try {
            String why = check(c);
            return new Outcome(file, note, why == null, why == null ? "" : why);
        } catch (StackOverflowError e) {
            return new Outcome(file, note, false, "stack overflow");
        } catch (RuntimeException e) {
            return new Outcome(file, note, false, "crash: " + e);
        }
    }

    /** Null when the case passes, else why not. */
    private static String check(JsonNode c) {
        List<RegoModule> modules = new ArrayList<>();
        int i = 0;
        for (JsonNode m : c.path("modules")) modules.add(new RegoModule("test-" + (i++) + ".rego", m.asText()));
        Value data = c.hasNonNull("data") ? Values.fromJson(c.get("data")) : ObjectValue.EMPTY;
        boolean strict = c.path("strict_error").asBoolean(false);
        Map<String, String> env = new TreeMap<>();
        c.path("env")
                .fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        BuiltinContext now = BuiltinContext.now();
        QueryOptions options = QueryOptions.defaults()
                .withContext(new BuiltinContext(now.nowNanos(), env, line -> {}))
                .withStrictBuiltinErrors(strict);
        String wantCode =
                c.hasNonNull("want_error_code") ? c.get("want_error_code").asText() : null;
        String wantError = c.hasNonNull("want_error") ? c.get("want_error").asText() : null;
        QueryResults results;
        try {
            RegoEngine engine = RegoEngine.compile(modules, data);
            Value input = input(c, options);
            results = engine.query(c.path("query").asText(), input, options);
        } catch (RegoException e) {
            if (wantCode == null && wantError == null) return "unexpected error: " + e.getMessage();
            if (wantCode != null && !wantCode.equals(e.code()))
                return "want error code " + wantCode + " but got " + e.getMessage();
            if (wantError != null && !e.getMessage().contains(wantError)) {
                return "want error containing '" + wantError + "' but got " + e.getMessage();
            }
            return null;
        }
        if (wantCode != null || wantError != null) {
            return "want error " + (wantCode == null ? "" : wantCode + " ") + (wantError == null ? "" : wantError)
                    + " but got " + render(results);
        }
        if (c.has("want_defined")) {
            boolean want = c.get("want_defined").asBoolean();
            if (results.defined() != want) return "want defined=" + want + " but got " + render(results);
        }
        if (c.has("want_result")) {
            boolean sort = c.path("sort_bindings").asBoolean(false);
            List<Value> want = new ArrayList<>();
            for (JsonNode row : c.get("want_result")) want.add(normalize(Values.fromJson(row), sort));
            List<Value> got = new ArrayList<>();
            for (Map<String, Value> row : results.bindings()) got.add(normalize(row(row), sort));
            List<Value> a = new ArrayList<>(want);
            List<Value> b = new ArrayList<>(got);
            Collections.sort(a);
            Collections.sort(b);
            if (!a.equals(b)) return "want " + want + " but got " + got;
        }
        return null;
    }

    private static Value input(JsonNode c, QueryOptions options) {
        if (c.hasNonNull("input")) return Values.fromJson(c.get("input"));
        if (!c.hasNonNull("input_term")) return null;
        QueryResults r = RegoEngine.compile(List.of(), ObjectValue.EMPTY)
                .query("x = " + c.get("input_term").asText(), null, options);
        return r.defined() ? r.bindings().get(0).get("x") : null;
    }

    private static Value row(Map<String, Value> bindings) {
        Map<Value, Value> m = new TreeMap<>();
        bindings.forEach((k, v) -> m.put(StringValue.of(k), Values.fromJson(Values.toJson(v))));
        return ObjectValue.of(m);
    }

    /** JSON form of a result row; with sort, each array binding sorted as OPA's runner does. */
    private static Value normalize(Value row, boolean sort) {
        Value json = Values.fromJson(Values.toJson(row));
        if (!sort || !(json instanceof ObjectValue o)) return json;
        Map<Value, Value> m = new TreeMap<>();
        for (Iterator<Map.Entry<Value, Value>> it = o.entries().entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Value, Value> e = it.next();
            Value v = e.getValue();
            if (v instanceof ArrayValue a) {
                List<Value> items = new ArrayList<>(a.elements());
                Collections.sort(items);
                v = new ArrayValue(items);
            }
            m.put(e.getKey(), v);
        }
        return ObjectValue.of(m);
    }

    private static String render(QueryResults r) {
        List<String> rows = new ArrayList<>();
        for (Map<String, Value> row : r.bindings()) rows.add(row(row).toString());
        return rows.isEmpty() ? "undefined" : rows.toString();
    }
}
