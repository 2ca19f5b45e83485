package io.maestro.conductor.policy.tools;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.policy.rego.QueryEvaluation;
import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoException;
import io.maestro.conductor.policy.rego.builtins.BuiltinContext;
import io.maestro.conductor.policy.rego.value.Value;
import io.maestro.conductor.policy.rego.value.Values;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code conductor policy eval -d <dir> [-i input.json] <query>}: evaluates a query over policy
 * directories and prints the result as {@code opa eval} does ({@code {}} when undefined). Exit code 0 on
 * success, 1 on a load, compile or evaluation error (written to {@code err}); {@code print} output goes
 * to {@code err} as with opa.
 */
public final class RegoEvalCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** opa's layout: two-space indent, {@code "key": value}, one array element per line, {@code {}} when empty. */
    private static final DefaultPrettyPrinter OPA_STYLE = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private RegoEvalCommand() {}

    public static int run(List<Path> dataDirs, Path inputJsonOrNull, String query, PrintStream out, PrintStream err) {
        try {
            PolicyFiles files = PolicyFiles.load(dataDirs);
            Value input = inputJsonOrNull == null ? null : Values.fromJson(JSON.readTree(inputJsonOrNull.toFile()));
            RegoEngine engine = RegoEngine.compile(files.modules, files.data());
            QueryOptions options = QueryOptions.defaults()
                    .withContext(new BuiltinContext(BuiltinContext.now().nowNanos(), Map.of(), err::println));
            out.println(
                    JSON.writer(OPA_STYLE).writeValueAsString(render(engine.queryExpressions(query, input, options))));
            return 0;
        } catch (RegoException e) {
            err.println(e.errors().size() == 1 ? "1 error occurred: " + e.getMessage() : e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot load policy or input: " + e.getMessage());
            return 1;
        }
    }

    static ObjectNode render(QueryEvaluation evaluation) {
        ObjectNode root = NODES.objectNode();
        if (evaluation.rows().isEmpty()) return root;
        ArrayNode result = root.putArray("result");
        for (QueryEvaluation.Row row : evaluation.rows()) {
            ObjectNode r = result.addObject();
            ArrayNode exprs = r.putArray("expressions");
            for (int i = 0; i < evaluation.expressions().size(); i++) {
                QueryEvaluation.Expression e = evaluation.expressions().get(i);
                ObjectNode x = exprs.addObject();
                x.set("value", Values.toJson(row.values().get(i)));
                x.put("text", e.text());
                ObjectNode loc = x.putObject("location");
                loc.put("row", e.row());
                loc.put("col", e.col());
            }
            if (!row.bindings().isEmpty()) {
                ObjectNode b = r.putObject("bindings");
                new TreeMap<>(row.bindings()).forEach((k, v) -> b.set(k, Values.toJson(v)));
            }
        }
        return root;
    }
}
