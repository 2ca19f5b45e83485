package io.maestro.conductor.hub.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and the staging folder of evidence uploads ({@code conductor.evidence.*}; the route's redelivery settings
 * live under the same prefix but are read by the route itself).
 *
 * @param maxJsonSize   the whole body of a JSON upload (files in base64, so about 3/4 of it is content)
 * @param maxFileSize   one file of a multipart upload
 * @param maxBundleSize the whole multipart request
 * @param maxFiles      files in one bundle, either form
 * @param spoolDir      where uploads are staged until stored; default {@code <conductor.data-dir>/evidence-spool}
 */
@ConfigurationProperties("conductor.evidence")
public record EvidenceProperties(
        @DefaultValue("8MB") DataSize maxJsonSize,
        @DefaultValue("1GB") DataSize maxFileSize,
        @DefaultValue("2GB") DataSize maxBundleSize,
        @DefaultValue("100") int maxFiles,
        Path spoolDir) {

    static final String MAX_JSON_SIZE = "conductor.evidence.max-json-size";
    static final String MAX_FILE_SIZE = "conductor.evidence.max-file-size";
    static final String MAX_BUNDLE_SIZE = "conductor.evidence.max-bundle-size";
}
