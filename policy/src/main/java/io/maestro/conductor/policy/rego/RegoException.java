package io.maestro.conductor.policy.rego;

import java.util.List;

/**
 * A Rego policy could not be compiled or a query could not be evaluated. {@link #code()} is OPA's code:
 * {@code rego_parse_error}, {@code rego_compile_error}, {@code rego_type_error}, {@code rego_recursion_error},
 * {@code eval_conflict_error}, {@code eval_type_error}, {@code eval_builtin_error} or
 * {@code eval_cancel_error} (a query that ran out of steps, time or depth).
 */
public class RegoException extends RuntimeException {
    public static final String PARSE_ERROR = "rego_parse_error";
    public static final String COMPILE_ERROR = "rego_compile_error";
    public static final String TYPE_ERROR = "rego_type_error";
    public static final String RECURSION_ERROR = "rego_recursion_error";
    public static final String CONFLICT_ERROR = "eval_conflict_error";
    public static final String EVAL_TYPE_ERROR = "eval_type_error";
    public static final String BUILTIN_ERROR = "eval_builtin_error";
    public static final String CANCEL_ERROR = "eval_cancel_error";

    private final List<RegoError> errors;

    public RegoException(List<RegoError> errors) {
        super(render(errors));
        if (errors.isEmpty()) throw new IllegalArgumentException("an exception needs at least one error");
        this.errors = List.copyOf(errors);
    }

    public RegoException(RegoError error) {
        this(List.of(error));
    }

    public RegoException(String code, String message, String file, int line, int col) {
        this(new RegoError(code, message, file, line, col));
    }

    /** The code of the first error. */
    public String code() {
        return errors.get(0).code();
    }

    public List<RegoError> errors() {
        return errors;
    }

    private static String render(List<RegoError> errors) {
        if (errors.size() == 1) return errors.get(0).toString();
        StringBuilder out = new StringBuilder(errors.size() + " errors occurred:");
        errors.forEach(e -> out.append('\n').append(e));
        return out.toString();
    }
}
