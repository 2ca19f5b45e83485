package io.maestro.conductor.policy.rego;

/** One error with OPA's code and, when known, its location (line and col are 1-based, 0 = unknown). */
public record RegoError(String code, String message, String file, int line, int col) {
    /** OPA's rendering: {@code file:line: code: message}, or {@code code: message} without a location. */
    @Override
    public String toString() {
        if (file == null || file.isEmpty() || line <= 0) return code + ": " + message;
        return file + ":" + line + ": " + code + ": " + message;
    }
}
