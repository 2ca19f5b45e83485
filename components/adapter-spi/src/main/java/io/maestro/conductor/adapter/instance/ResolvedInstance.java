package io.maestro.conductor.adapter.instance;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An installed adapter instance as an adapter needs it: which backend, at which config version, with which
 * attributes for governance, and its flat configuration. Secret fields in {@code config} are references
 * ({@code secret:<name>}), never values, so an instance is safe to log and cache.
 *
 * @param category        adapter category id, e.g. {@code storage}
 * @param backend         backend within the category, e.g. {@code s3} or {@code gcs}
 * @param configVersion   grows on every config change; a new version builds a new backend delegate
 * @param region          where the instance keeps data, e.g. {@code eu-west-1}; null when not regional
 * @param riskLevel       low, medium, high or critical
 * @param dataSensitivity public, internal, confidential or restricted
 */
public record ResolvedInstance(
        InstanceRef ref,
        String category,
        String backend,
        long configVersion,
        String region,
        String riskLevel,
        String dataSensitivity,
        Map<String, String> config) {

    public ResolvedInstance {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(backend, "backend");
        config = Map.copyOf(config);
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(config.get(key)).filter(v -> !v.isBlank());
    }

    /** A required config value; its absence is {@code CONFIG_INVALID} naming the key, not the value. */
    public String requireOption(String key) {
        return option(key)
                .orElseThrow(() -> new AdapterException(
                        SpiErrorCode.CONFIG_INVALID,
                        ref.id(),
                        "config key '" + key + "' is required for backend " + backend));
    }

    public boolean flag(String key, boolean defaultValue) {
        return option(key).map(Boolean::parseBoolean).orElse(defaultValue);
    }
}
