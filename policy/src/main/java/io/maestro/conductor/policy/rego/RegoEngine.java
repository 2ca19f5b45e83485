package io.maestro.conductor.policy.rego;

import io.maestro.conductor.policy.rego.ast.Loc;
import io.maestro.conductor.policy.rego.builtins.Builtins;
import io.maestro.conductor.policy.rego.builtins.StandardBuiltins;
import io.maestro.conductor.policy.rego.compile.CompiledPolicy;
import io.maestro.conductor.policy.rego.compile.CompiledQuery;
import io.maestro.conductor.policy.rego.compile.Compiler;
import io.maestro.conductor.policy.rego.eval.Evaluator;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled Rego modules plus base data: immutable and thread-safe; compile once, evaluate many. Each
 * query runs in its own evaluator with its own bounds (see {@link QueryOptions}); compiled query texts are
 * cached.
 */
public final class RegoEngine {
    private static final int QUERY_CACHE_LIMIT = 512;

    private final CompiledPolicy policy;
    private final Map<String, CompiledQuery> queries = new ConcurrentHashMap<>();

    private RegoEngine(CompiledPolicy policy) {
        this.policy = policy;
    }

    /** Compiles against the standard builtins. */
    public static RegoEngine compile(List<RegoModule> modules, Value baseData) {
        return compile(modules, baseData, StandardBuiltins.table());
    }

    /** Compiles against a given builtin table. */
    public static RegoEngine compile(List<RegoModule> modules, Value baseData, Builtins builtins) {
        Value data = baseData == null ? ObjectValue.EMPTY : baseData;
        if (!(data instanceof ObjectValue)) {
            throw new RegoException(
                    RegoException.COMPILE_ERROR, "base data must be an object, got " + data.typeName(), null, 0, 0);
        }
        try {
            return new RegoEngine(Compiler.compile(modules, data, builtins));
        } catch (StackOverflowError e) {
            throw new RegoException(RegoException.COMPILE_ERROR, "policy nested too deeply to compile", null, 0, 0);
        }
    }

    /** Every solution of a query, e.g. {@code data.authz.allow = x}; input may be null (undefined). */
    public QueryResults query(String query, Value input, QueryOptions options) {
        CompiledQuery compiled = queries.get(query);
        if (compiled == null) {
            compiled = compileQuery(query, false);
            if (queries.size() < QUERY_CACHE_LIMIT) queries.put(query, compiled);
        }
        return new QueryResults(new Evaluator(policy, options, input).run(compiled));
    }

    /** Evaluates a query reporting each top-level expression's value, as {@code opa eval} prints. */
    public QueryEvaluation queryExpressions(String query, Value input, QueryOptions options) {
        CompiledQuery compiled = compileQuery(query, true);
        List<QueryEvaluation.Expression> expressions = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (Loc loc : compiled.exprLocs()) offsets.add(offset(query, loc));
        for (int i = 0; i < offsets.size(); i++) {
            int end = i + 1 < offsets.size() ? offsets.get(i + 1) : query.length();
            String text = query.substring(offsets.get(i), end).strip();
            if (text.endsWith(";")) text = text.substring(0, text.length() - 1).strip();
            Loc loc = compiled.exprLocs().get(i);
            expressions.add(new QueryEvaluation.Expression(text, loc.line(), loc.col()));
        }
        List<QueryEvaluation.Row> rows = new ArrayList<>();
        for (Map<String, Value> solution : new Evaluator(policy, options, input).run(compiled)) {
            List<Value> values = new ArrayList<>();
            for (String capture : compiled.captures()) {
                values.add(
                        capture == null || solution.get(capture) == null ? BooleanValue.TRUE : solution.get(capture));
            }
            Map<String, Value> bindings = new LinkedHashMap<>(solution);
            bindings.keySet().removeIf(k -> k.startsWith("$"));
            rows.add(new QueryEvaluation.Row(values, bindings));
        }
        return new QueryEvaluation(expressions, rows);
    }

    private CompiledQuery compileQuery(String query, boolean capture) {
        try {
            return Compiler.compileQuery(query, policy, capture);
        } catch (StackOverflowError e) {
            throw new RegoException(RegoException.COMPILE_ERROR, "query nested too deeply to compile", null, 0, 0);
        }
    }

    private static int offset(String text, Loc loc) {
        int line = 1;
        int i = 0;
        while (line < loc.line() && i < text.length()) {
            if (text.charAt(i++) == '\n') line++;
        }
        return Math.min(text.length(), i + loc.col() - 1);
    }

    /** The value at {@code residency.allow} or {@code data.residency.allow}; empty when undefined. */
    public Optional<Value> evaluate(String dataPath, Value input, QueryOptions options) {
        return new Evaluator(policy, options, input).valueAt(path(dataPath));
    }

    /** Package names, e.g. {@code ["residency", "governance.lifecycle"]}. */
    public List<String> packages() {
        return policy.packages();
    }

    private static List<Value> path(String dataPath) {
        String p = dataPath.trim();
        if (p.equals("data")) return List.of();
        if (p.startsWith("data.")) p = p.substring(5);
        List<Value> out = new ArrayList<>();
        for (String part : p.split("\\.", -1)) {
            if (part.isEmpty()) {
                throw new RegoException(RegoException.PARSE_ERROR, "invalid data path: " + dataPath, null, 0, 0);
            }
            out.add(StringValue.of(part));
        }
        return out;
    }
}
