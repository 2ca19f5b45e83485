package io.maestro.conductor.hub.health;

/** An adapter instance's status, worst last. */
public enum HealthStatus {
    UNKNOWN,
    UP,
    DEGRADED,
    DOWN
}
