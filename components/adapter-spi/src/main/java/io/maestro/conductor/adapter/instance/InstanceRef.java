package io.maestro.conductor.adapter.instance;

import java.util.regex.Pattern;

import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.adapter.AdapterException;

/**
 * Names one adapter instance: {@code tenant/environment/instance}. Each part is a plain name, so an id can be
 * used in key prefixes, metric tags and log lines without escaping.
 */
public record InstanceRef(String tenant, String environment, String instance) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public InstanceRef {
        requireName("tenant", tenant);
        requireName("environment", environment);
        requireName("instance", instance);
    }

    /** {@code tenant/environment/instance}: the id errors, logs and metrics carry. */
    public String id() {
        return tenant + "/" + environment + "/" + instance;
    }

    @Override
    public String toString() {
        return id();
    }

    private static void requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches() || value.contains("..")) {
            throw new AdapterException(AdapterErrorCode.NAME_INVALID, null,
                    what + " must be 1-63 letters, digits, '.', '_' or '-' starting with a letter or digit");
        }
    }
}
