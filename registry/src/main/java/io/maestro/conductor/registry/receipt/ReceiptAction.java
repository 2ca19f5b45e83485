package io.maestro.conductor.registry.receipt;

/** What a receipt records. */
public enum ReceiptAction {
    INSTALL,
    UPDATE,
    UNINSTALL
}
