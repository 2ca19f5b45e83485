package io.maestro.conductor.registry.receipt;

/** What a receipt records. */
public enum ReceiptAction {
    INSTALL,
    UPDATE,
    UNINSTALL,
    /** A workflow stored evidence through an adapter instance (the change set lists objects and checksums). */
    EVIDENCE_STORED
}
