package io.maestro.conductor.hub.bundles;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Partner adapter bundles ({@code conductor.adapters.*}).
 *
 * @param trustedKeysFile JWK set of the public keys whose bundles may be installed; none: every bundle is refused
 * @param maxBundleSize   one uploaded bundle (and its jar)
 * @param dir             where installed bundles are kept; default {@code <conductor.data-dir>/adapters}
 * @param requireCertification install (and load again at start) only a bundle whose adapter version is certified
 *                        or marketplace-ready with exactly this jar (hub/certification)
 */
@ConfigurationProperties("conductor.adapters")
public record AdapterBundleProperties(
        Path trustedKeysFile,
        @DefaultValue("64MB") DataSize maxBundleSize,
        Path dir,
        @DefaultValue("false") boolean requireCertification) {}
