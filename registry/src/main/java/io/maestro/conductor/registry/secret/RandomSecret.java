package io.maestro.conductor.registry.secret;

import java.security.SecureRandom;
import java.util.Base64;

/** Generated passwords and secrets (the operator and database passwords, the cluster secret, generated secrets). */
public final class RandomSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecret() {}

    /** {@code bytes} bytes from {@link SecureRandom}, base64url without padding (safe in files, URLs and YAML). */
    public static String ofBytes(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
