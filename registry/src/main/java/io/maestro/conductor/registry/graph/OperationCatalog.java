package io.maestro.conductor.registry.graph;

import java.util.Optional;
import java.util.Set;

/**
 * The operations each adapter scheme offers, as the running adapters know them (the registry does not: operations
 * are code). The hub answers from its Camel context; a scheme with no adapter there is not checked.
 */
@FunctionalInterface
public interface OperationCatalog {

    /** Checks no operation; for callers without adapters, e.g. offline tools. */
    OperationCatalog UNCHECKED = scheme -> Optional.empty();

    /** The operations of {@code scheme} (e.g. {@code storage}), or empty when unknown here. */
    Optional<Set<String>> operations(String scheme);
}
