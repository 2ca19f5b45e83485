package io.maestro.conductor.hub.evidence;

import java.util.List;

/**
 * The stored objects of a bundle hashed again against its receipt: {@code valid} when the receipt still matches its
 * own hash and every object (files and manifest) is there with the SHA-256 the receipt names.
 */
public record EvidenceVerification(
        String bundleId,
        String tenant,
        String environment,
        String instance,
        String receiptId,
        boolean receiptIntact,
        boolean valid,
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
}
