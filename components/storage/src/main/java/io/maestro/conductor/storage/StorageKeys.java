package io.maestro.conductor.storage;

import io.maestro.conductor.adapter.AdapterException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps every key inside the instance's key prefix. A key is refused ({@code STORAGE_KEY_INVALID}) when it could
 * name anything outside it or be read differently by another layer: {@code .} or {@code ..} segments, a leading
 * {@code /}, empty segments, backslashes, control characters, or percent-encoded dots, slashes, backslashes and
 * control characters.
 */
public final class StorageKeys {

    private static final int MAX_KEY_BYTES = 1024;

    private final String prefix;
    private final String instanceId;

    /** @param prefix the instance's key prefix without a trailing slash, e.g. {@code tenants/acme} */
    public StorageKeys(String prefix, String instanceId) {
        this.prefix = prefix;
        this.instanceId = instanceId;
    }

    /** The full key of a relative object key. */
    public String objectKey(String key) {
        if (key == null || key.isEmpty()) {
            throw invalid("a key is required (header " + StorageConstants.KEY + ")");
        }
        check(key);
        return prefix + "/" + key;
    }

    /** The full prefix of a relative list prefix; empty or null lists the whole instance. */
    public String listPrefix(String relativePrefix) {
        if (relativePrefix == null || relativePrefix.isEmpty()) {
            return prefix + "/";
        }
        check(relativePrefix.endsWith("/") ? relativePrefix.substring(0, relativePrefix.length() - 1) : relativePrefix);
        return prefix + "/" + relativePrefix;
    }

    /** The relative key of a full key the backend returned. */
    public String relative(String fullKey) {
        return fullKey.startsWith(prefix + "/") ? fullKey.substring(prefix.length() + 1) : fullKey;
    }

    private void check(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw invalid("key is longer than " + MAX_KEY_BYTES + " bytes");
        }
        if (key.startsWith("/")) {
            throw invalid("key must be relative (no leading '/')");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw invalid("key contains a control character");
            }
            if (c == '\\') {
                throw invalid("key contains a backslash");
            }
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e")
                || lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%00")
                || lower.contains("%25")) {
            throw invalid("key contains a percent-encoded '.', '/', '\\', '%' or NUL");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid("key has an empty, '.' or '..' segment");
            }
        }
    }

    private AdapterException invalid(String detail) {
        return new AdapterException(StorageErrorCode.STORAGE_KEY_INVALID, instanceId, detail);
    }
}
