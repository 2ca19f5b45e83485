package io.maestro.conductor.hub.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits, the staging folder and the retries of evidence uploads ({@code conductor.evidence.*}).
 *
 * @param maxJsonSize   the whole body of a JSON upload (files in base64, so about 3/4 of it is content)
 * @param maxFileSize   one file of a multipart upload
 * @param maxBundleSize the whole multipart request
 * @param maxFiles      files in one bundle, either form
 * @param spoolDir      where uploads are staged until stored; default {@code <conductor.data-dir>/evidence-spool}
 * @param instance      the storage instance (of the uploading tenant and environment) evidence goes to; the route
 *                      reads it as a property placeholder
 * @param redeliveries  how often routes/evidence-upload.yaml sends a file again after a transient failure before
 *                      the upload becomes a dead letter (the route reads it as a property placeholder)
 * @param redeliveryDelayMs the first redelivery's delay in milliseconds, doubled for each next one
 */
@ConfigurationProperties(prefix = "conductor.evidence", ignoreUnknownFields = false)
public record EvidenceProperties(
        @DefaultValue("8MB") DataSize maxJsonSize,
        @DefaultValue("1GB") DataSize maxFileSize,
        @DefaultValue("2GB") DataSize maxBundleSize,
        @DefaultValue("100") int maxFiles,
        Path spoolDir,
        @DefaultValue("evidence") String instance,
        @DefaultValue("4") int redeliveries,
        @DefaultValue("250") long redeliveryDelayMs) {

    public EvidenceProperties {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("conductor.evidence.max-files must be at least 1");
        }
        if (instance.isBlank()) {
            throw new IllegalArgumentException("conductor.evidence.instance must name a storage instance");
        }
        if (redeliveries < 0 || redeliveryDelayMs < 0) {
            throw new IllegalArgumentException(
                    "conductor.evidence.redeliveries and redelivery-delay-ms must not be negative");
        }
    }

    static final String MAX_JSON_SIZE = "conductor.evidence.max-json-size";
    static final String MAX_FILE_SIZE = "conductor.evidence.max-file-size";
    static final String MAX_BUNDLE_SIZE = "conductor.evidence.max-bundle-size";
}
