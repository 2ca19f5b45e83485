package io.maestro.conductor.registry.model;

import java.io.Serializable;

/** One row per category: what adapters of this kind do. */
public record AdapterType(AdapterCategory category, String description) implements Serializable {}
