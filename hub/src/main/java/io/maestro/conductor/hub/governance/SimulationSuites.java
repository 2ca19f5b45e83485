package io.maestro.conductor.hub.governance;

import java.nio.file.Path;

/** Where the stored simulation suites are, resolved once at start. */
public record SimulationSuites(Path dir) {}
