package io.maestro.conductor.policy.rego;

/** One Rego source file: its name (used in error locations) and its text. */
public record RegoModule(String fileName, String source) {
    public RegoModule {
        if (fileName == null || source == null)
            throw new IllegalArgumentException("module needs a file name and source");
    }
}
