package io.maestro.conductor.hub.certification;

import io.maestro.conductor.devkit.bundle.Checksums;

/** One object of a review's evidence, as routes/adapter-review.yaml puts it through {@code storage:}. */
public record ReviewEvidence(String key, String contentType, byte[] content) {

    public long size() {
        return content.length;
    }

    public String sha256() {
        return Checksums.sha256(content);
    }
}
