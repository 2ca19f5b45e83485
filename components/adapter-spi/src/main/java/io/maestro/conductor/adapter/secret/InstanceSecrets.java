package io.maestro.conductor.adapter.secret;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.Optional;

/**
 * Resolves the config values of one instance that are secret references ({@code secret:<name>}). A literal where
 * a reference belongs is refused: a credential must never sit in a config map.
 */
public final class InstanceSecrets {

    public static final String REFERENCE_PREFIX = "secret:";

    private final ResolvedInstance instance;
    private final SecretResolver resolver;

    public InstanceSecrets(ResolvedInstance instance, SecretResolver resolver) {
        this.instance = instance;
        this.resolver = resolver;
    }

    /** The secret a config key refers to, or empty when the key is not set. */
    public Optional<Secret> optional(String configKey, String purpose) {
        return instance.option(configKey).map(reference -> resolve(configKey, reference, purpose));
    }

    public Secret require(String configKey, String purpose) {
        return resolve(configKey, instance.requireOption(configKey), purpose);
    }

    private Secret resolve(String configKey, String reference, String purpose) {
        if (!reference.startsWith(REFERENCE_PREFIX) || reference.length() == REFERENCE_PREFIX.length()) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID,
                    instance.ref().id(),
                    "config key '" + configKey + "' must be a secret reference (secret:<name>)");
        }
        return resolver.resolve(instance.ref(), reference.substring(REFERENCE_PREFIX.length()), purpose);
    }
}
