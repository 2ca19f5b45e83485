package io.maestro.conductor.hub.certification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a submitted adapter version stands: {@code submitted} (the package arrived) → {@code in_review} (scanned,
 * evidence stored) → {@code certified} or {@code rejected} (a reviewer's decision) → {@code marketplace_ready} (listed
 * with the marketplace badge; a high-risk adapter needs two approvers for this step). Rejected is final.
 */
public enum CertificationState {
    SUBMITTED,
    IN_REVIEW,
    CERTIFIED,
    REJECTED,
    MARKETPLACE_READY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CertificationState> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The states a reviewer may move this one to. */
    public Set<CertificationState> next() {
        return switch (this) {
            case SUBMITTED -> Set.of(IN_REVIEW);
            case IN_REVIEW -> Set.of(CERTIFIED, REJECTED);
            case CERTIFIED -> Set.of(MARKETPLACE_READY, REJECTED);
            case REJECTED, MARKETPLACE_READY -> Set.of();
        };
    }

    /** The marketplace lists these (with badge {@code certified} or {@code marketplace-ready}). */
    public boolean listed() {
        return this == CERTIFIED || this == MARKETPLACE_READY;
    }
}
