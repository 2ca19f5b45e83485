package io.maestro.conductor.policy.rego.builtins;

/**
 * A builtin failed. {@code code} is OPA's error code: {@code eval_type_error} for an operand of the
 * wrong type, {@code eval_builtin_error} for a bad value of the right type (OPA's "strict" errors).
 */
public class BuiltinException extends RuntimeException {
    public static final String TYPE_ERROR = "eval_type_error";
    public static final String BUILTIN_ERROR = "eval_builtin_error";

    private final String code;

    public BuiltinException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** OPA's wording: "{name}: operand {pos} must be {expected} but got {actual}". */
    public static BuiltinException operand(String builtin, int position, String expected, String actual) {
        return new BuiltinException(
                TYPE_ERROR, builtin + ": operand " + position + " must be " + expected + " but got " + actual);
    }

    public static BuiltinException failed(String builtin, String why) {
        return new BuiltinException(BUILTIN_ERROR, builtin + ": " + why);
    }

    public String code() {
        return code;
    }
}
