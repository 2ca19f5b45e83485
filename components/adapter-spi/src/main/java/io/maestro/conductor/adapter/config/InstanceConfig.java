package io.maestro.conductor.adapter.config;

import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's config as {@link InstanceConfigDef#parse} checked it: typed values, defaults applied. Secret keys
 * hold their {@code secret:<name>} reference; {@link io.maestro.conductor.adapter.secret.InstanceSecrets} reads
 * the value.
 */
public final class InstanceConfig {

    private final ResolvedInstance instance;
    private final Map<String, Object> values;

    InstanceConfig(ResolvedInstance instance, Map<String, Object> values) {
        this.instance = instance;
        this.values = Map.copyOf(values);
    }

    public ResolvedInstance instance() {
        return instance;
    }

    /** A string key's value; empty when the key is optional, has no default and was not given. */
    public Optional<String> string(String key) {
        return Optional.ofNullable((String) values.get(key));
    }

    /** A key the definition requires, or one with a default. */
    public String requireString(String key) {
        return string(key).orElseThrow(() -> new IllegalStateException(key + " is neither required nor defaulted"));
    }

    public boolean bool(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    public Optional<Integer> integer(String key) {
        return Optional.ofNullable((Integer) values.get(key));
    }
}
