package io.maestro.conductor.registry.model;

/** Whether an installed instance serves traffic. */
public enum InstanceState {
    ACTIVE,
    DISABLED
}
