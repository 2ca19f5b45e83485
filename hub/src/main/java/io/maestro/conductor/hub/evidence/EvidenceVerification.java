package io.maestro.conductor.hub.evidence;

import java.time.Instant;
import java.util.List;

/**
 * The stored objects of a bundle hashed again against its receipt: {@code valid} when the receipt still matches its
 * own hash, its notary seal (if it has one yet) verifies, and every object (files and manifest) is there with the
 * SHA-256 the receipt names.
 */
public record EvidenceVerification(
        String bundleId,
        String tenant,
        String environment,
        String instance,
        String receiptId,
        boolean receiptIntact,
        boolean valid,
        SealReport seal,
        List<ObjectCheck> files,
        ObjectCheck manifest) {

    public static final String OK = "ok";
    public static final String MISMATCH = "mismatch";
    public static final String MISSING = "missing";
    public static final String UNREADABLE = "unreadable";

    /**
     * One object: {@code status} is {@value #OK}, {@value #MISMATCH} (other bytes than receipted),
     * {@value #MISSING} or {@value #UNREADABLE} (the store failed; {@code error} has its code).
     */
    public record ObjectCheck(
            String name,
            String key,
            String status,
            String expectedSha256,
            String actualSha256,
            Long size,
            String error) {}

    /**
     * The receipt's notary seal: {@code status} is {@value #VERIFIED} (signature and timestamp verify over the
     * receipt as stored now), {@value #UNSEALED} (not sealed yet: the tenant has no notary instance, or the next
     * sealing round has not run), {@value #MISSING} (a newer receipt is sealed, so this one's seal was removed) or
     * {@value #INVALID}; {@code problem} says why for the last two. {@code tsaRootPinned} tells whether the timestamp
     * was chained to the notary instance's pinned TSA root (else only the token's own certificate vouches for it).
     */
    public record SealReport(
            String status, String keyId, Instant timestampedAt, boolean tsaRootPinned, String problem) {

        public static final String VERIFIED = "verified";
        public static final String UNSEALED = "unsealed";
        public static final String MISSING = "missing";
        public static final String INVALID = "invalid";

        static SealReport unsealed() {
            return new SealReport(UNSEALED, null, null, false, null);
        }

        static SealReport missing(String problem) {
            return new SealReport(MISSING, null, null, false, problem);
        }

        /** Whether the seal lets the bundle count as valid: verified, or not sealed yet. */
        public boolean acceptable() {
            return VERIFIED.equals(status) || UNSEALED.equals(status);
        }
    }
}
