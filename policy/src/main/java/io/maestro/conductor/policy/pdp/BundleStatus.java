package io.maestro.conductor.policy.pdp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link BundleWatcher} has active and what it last rejected, for health checks and runbooks.
 *
 * @param activeFingerprint fingerprint of the bundles in force; empty while none has ever loaded
 * @param activatedAt       when they were swapped in
 * @param rejectedErrors    errors of the newest rejected change; empty when the newest change loaded
 * @param rejectedAt        when that change was rejected
 */
public record BundleStatus(
        Optional<String> activeFingerprint,
        Optional<Instant> activatedAt,
        List<String> rejectedErrors,
        Optional<Instant> rejectedAt) {

    public BundleStatus {
        rejectedErrors = List.copyOf(rejectedErrors);
    }

    static final BundleStatus NONE = new BundleStatus(Optional.empty(), Optional.empty(), List.of(), Optional.empty());

    /** True when the newest bundle content is the one in force. */
    public boolean healthy() {
        return activeFingerprint.isPresent() && rejectedErrors.isEmpty();
    }

    BundleStatus activated(String fingerprint, Instant at) {
        return new BundleStatus(Optional.of(fingerprint), Optional.of(at), List.of(), Optional.empty());
    }

    BundleStatus rejected(List<String> errors, Instant at) {
        return new BundleStatus(activeFingerprint, activatedAt, errors, Optional.of(at));
    }
}
