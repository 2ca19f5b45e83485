package io.maestro.conductor.policy.rego;

import io.maestro.conductor.policy.rego.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A query's results the way {@code opa eval} reports them: per solution, the value of each top-level
 * expression (a term's value, {@code true} for other expressions) and the bindings of named variables.
 */
public record QueryEvaluation(List<Expression> expressions, List<Row> rows) {
    public QueryEvaluation {
        expressions = List.copyOf(expressions);
        rows = List.copyOf(rows);
    }

    /** One top-level expression: its source text and where it starts (1-based). */
    public record Expression(String text, int row, int col) {}

    public record Row(List<Value> values, Map<String, Value> bindings) {
        public Row {
            values = List.copyOf(values);
            bindings = Map.copyOf(bindings);
        }
    }
}
