package io.maestro.conductor.hub.bundles;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import java.time.Instant;

/**
 * One adapter version loaded into the running hub.
 *
 * @param componentName the Camel component name routes use for exactly this version ({@code hello-1-1-0})
 */
public record InstalledAdapter(
        String name,
        String version,
        String scheme,
        String componentName,
        String category,
        String riskLevel,
        String keyId,
        String jarSha256,
        String installedBy,
        Instant installedAt,
        @JsonIgnore AdapterComponent<?> component,
        @JsonIgnore AdapterClassLoader loader) {

    static String componentName(String scheme, String version) {
        return scheme + "-" + version.replaceAll("[^A-Za-z0-9]", "-").toLowerCase(java.util.Locale.ROOT);
    }
}
