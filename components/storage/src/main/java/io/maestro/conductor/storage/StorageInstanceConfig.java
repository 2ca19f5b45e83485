package io.maestro.conductor.storage;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.config.InstanceConfig;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The config of one storage instance, parsed with its backend's declaration in {@link StorageDefinitions} (the
 * same one the registry validated it against at install). Credentials stay secret references, resolved from the
 * tenant's namespace by the backend.
 *
 * @param config the parsed config, for the backend-specific keys
 */
public record StorageInstanceConfig(
        String bucket,
        String region,
        Optional<String> endpoint,
        String keyPrefix,
        boolean pathStyle,
        InstanceConfig config) {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._=-]+(/[A-Za-z0-9._=-]+)*");

    public static StorageInstanceConfig of(ResolvedInstance instance) {
        InstanceConfig config = (StorageComponent.BACKEND_GCS.equals(instance.backend())
                        ? StorageDefinitions.GCS
                        : StorageDefinitions.S3)
                .parse(instance);
        String prefix = config.string(StorageDefinitions.KEY_PREFIX)
                .map(StorageInstanceConfig::trimSlashes)
                .orElse(instance.ref().tenant() + "/" + instance.ref().environment());
        if (!PREFIX.matcher(prefix).matches() || prefix.contains("..")) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID, instance.ref().id(), "keyPrefix must be plain path segments");
        }
        return new StorageInstanceConfig(
                config.requireString(StorageDefinitions.BUCKET),
                config.requireString(StorageDefinitions.REGION),
                config.string(StorageDefinitions.ENDPOINT),
                prefix,
                config.bool(StorageDefinitions.PATH_STYLE),
                config);
    }

    private static String trimSlashes(String prefix) {
        String trimmed = prefix;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
