package io.maestro.conductor.hub.evidence;

import java.util.List;

/**
 * The reply to a stored bundle: where each file and the manifest went (the storage endpoint that took them, or
 * {@code default} for the provider's own), their checksums, and the receipt.
 */
public record EvidenceStored(
        String bundleId,
        String tenant,
        String environment,
        String instance,
        String endpoint,
        String receiptId,
        String decisionId,
        List<StoredObject> files,
        StoredObject manifest) {

    /** One stored object; {@code location} is {@code backend://bucket/full-key}. */
    public record StoredObject(String name, String key, String location, String sha256, long size) {}
}
