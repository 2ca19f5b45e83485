package io.maestro.conductor.registry.change;

/** What an approved change request does to its instance. */
public enum ChangeOperation {
    INSTALL,
    UPDATE,
    UNINSTALL
}
