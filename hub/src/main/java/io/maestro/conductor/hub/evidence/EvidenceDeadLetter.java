package io.maestro.conductor.hub.evidence;

import java.time.Instant;

/**
 * A failed upload, kept whole so it can be retried. The API shows it without its request body (which holds the
 * files).
 *
 * @param status  {@code FAILED} until a retry stores the bundle, then {@code RESOLVED}
 * @param retries how many operator retries it has had
 */
public record EvidenceDeadLetter(
        String id,
        String tenant,
        String environment,
        String bundleId,
        String code,
        String detail,
        String status,
        int retries,
        Instant failedAt,
        Instant resolvedAt) {

    public static final String FAILED = "FAILED";
    public static final String RESOLVED = "RESOLVED";
}
