package io.maestro.conductor.policy.rego.ast;

import io.maestro.conductor.policy.rego.value.ObjectValue;

/**
 * A {@code # METADATA} block of a module: its scope ({@code rule}, {@code document}, {@code package},
 * {@code subpackages}), the annotations as OPA presents them to policies ({@code scope}, {@code title},
 * {@code description}, {@code organizations}, {@code related_resources}, {@code authors}, {@code schemas},
 * {@code entrypoint}, {@code custom}; empty fields left out), where the block starts, and what it applies
 * to: {@code ruleIndex} is the index of its rule in {@link Module#rules()}, or -1 for the package.
 */
public record Annotation(String scope, ObjectValue value, Loc loc, int ruleIndex) {
    public static final String RULE = "rule";
    public static final String DOCUMENT = "document";
    public static final String PACKAGE = "package";
    public static final String SUBPACKAGES = "subpackages";

    public boolean onPackage() {
        return ruleIndex < 0;
    }
}
