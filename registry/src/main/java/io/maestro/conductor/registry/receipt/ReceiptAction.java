package io.maestro.conductor.registry.receipt;

/** What a receipt records. */
public enum ReceiptAction {
    INSTALL,
    UPDATE,
    UNINSTALL,
    /** A workflow stored evidence through an adapter instance (the change set lists objects and checksums). */
    EVIDENCE_STORED,
    /** A lifecycle action waits for approval (the change set names the request, who asked and what). */
    CHANGE_REQUESTED,
    /** Someone other than the requester approved a change request (names both). */
    CHANGE_APPROVED,
    /** An approved change request was applied (names both; {@code patch} is the instance's JSON Patch). */
    CHANGE_APPLIED,
    /** Someone other than the requester rejected a change request (names both). */
    CHANGE_REJECTED,
    /** A change request was acted on after it expired, and closed unapplied. */
    CHANGE_EXPIRED,
    /** A change request was acted on after another change moved the instance on, and closed unapplied. */
    CHANGE_STALE,
    /** A secret was written for the first time; the change set names it and its value version, never the value. */
    SECRET_CREATED,
    /** A secret got a new value (an API write, a rotation from an environment variable). */
    SECRET_ROTATED,
    SECRET_DELETED,
    /**
     * A workflow created or changed a user through an identity instance (the change set names the externalId, the
     * backend's user id and each change); a run that changed nothing writes none.
     */
    USER_PROVISIONED,
    /**
     * A partner adapter version's certification moved (submitted, in_review, certified, rejected,
     * marketplace_ready) or got a dual-control approval; the change set names the adapter version, the states, who
     * acted and the evidence's checksum ({@code instance} is the adapter's name).
     */
    CERTIFICATION
}
