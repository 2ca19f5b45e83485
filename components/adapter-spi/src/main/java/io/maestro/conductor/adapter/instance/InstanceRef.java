package io.maestro.conductor.adapter.instance;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;

/**
 * Names one adapter instance: {@code tenant/environment/instance}. Each part is a plain name, so an id can be
 * used in key prefixes, metric tags and log lines without escaping.
 *
 * <p>A value class rather than a record so that the id, read several times on every adapter call (MDC, errors,
 * health, logs), is built once.
 */
public final class InstanceRef {

    private final String tenant;
    private final String environment;
    private final String instance;
    private final String id;

    public InstanceRef(String tenant, String environment, String instance) {
        requireName("tenant", tenant);
        requireName("environment", environment);
        requireName("instance", instance);
        this.tenant = tenant;
        this.environment = environment;
        this.instance = instance;
        this.id = tenant + "/" + environment + "/" + instance;
    }

    public String tenant() {
        return tenant;
    }

    public String environment() {
        return environment;
    }

    public String instance() {
        return instance;
    }

    /** {@code tenant/environment/instance}: the id errors, logs and metrics carry. */
    public String id() {
        return id;
    }

    /** Names cannot contain '/', so equal ids mean equal parts. */
    @Override
    public boolean equals(Object other) {
        return other instanceof InstanceRef && id.equals(((InstanceRef) other).id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }

    private static void requireName(String what, String value) {
        if (!isName(value)) {
            throw new AdapterException(
                    SpiErrorCode.NAME_INVALID,
                    null,
                    what + " must be 1-63 letters, digits, '.', '_' or '-' starting with a letter or digit");
        }
    }

    /**
     * {@code [A-Za-z0-9][A-Za-z0-9._-]{0,62}} without {@code ..}, checked by hand: every adapter call builds a
     * reference from its headers.
     */
    private static boolean isName(String value) {
        if (value == null || value.isEmpty() || value.length() > 63 || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = isLetterOrDigit(c) || c == '_' || c == '-' || (c == '.' && value.charAt(i - 1) != '.');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
