package io.maestro.conductor.hub.certification;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner adapter review ({@code conductor.adapter-review.*}).
 *
 * @param instance      the storage instance (of the submitting tenant and environment) review evidence goes to;
 *                      routes/adapter-review.yaml reads it as a property placeholder
 * @param knownBadFile  library versions a reviewed adapter must not declare, one per line (see
 *                      KnownBadDependencies); not set: the list the dev kit ships
 */
@ConfigurationProperties(prefix = "conductor.adapter-review", ignoreUnknownFields = false)
public record CertificationProperties(
        @DefaultValue("evidence") String instance, Path knownBadFile) {

    public CertificationProperties {
        if (instance.isBlank()) {
            throw new IllegalArgumentException("conductor.adapter-review.instance must name a storage instance");
        }
    }
}
