package io.maestro.conductor.hub.evidence;

/**
 * One file of a bundle, decoded. {@code key} is where it is stored, relative to the storage instance's key prefix;
 * it depends only on bundle id and file name, so a retried or re-sent bundle overwrites rather than duplicates.
 */
public record EvidenceFile(String name, String contentType, byte[] content, String sha256, String key) {

    public long size() {
        return content.length;
    }
}
