package io.maestro.conductor.registry;

import java.util.regex.Pattern;

/** The shapes of tenant, environment and instance names: safe in URLs, keys, logs and file names. */
public final class Names {

    public static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    public static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    public static final Pattern INSTANCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Names() {}

    public static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }

    public static void require(Pattern pattern, String what, String value) {
        if (!matches(pattern, value)) {
            throw new RegistryException(ErrorCode.NAME_INVALID, what + " must match " + pattern.pattern());
        }
    }
}
