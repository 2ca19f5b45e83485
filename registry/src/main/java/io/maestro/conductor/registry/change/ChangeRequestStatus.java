package io.maestro.conductor.registry.change;

/** Where a change request stands. Only {@code PENDING} can move on; every other status is final. */
public enum ChangeRequestStatus {
    PENDING,
    APPLIED,
    REJECTED,
    /** Acted on after {@code expiresAt}: closed unapplied. */
    EXPIRED,
    /** Acted on after another change moved the instance's config version: closed unapplied. */
    STALE
}
