package io.maestro.conductor.devkit.manifest;

import java.util.List;
import java.util.Locale;

/**
 * Whether a config field's name says it holds a credential ({@code apiKey}, {@code client_secret},
 * {@code webhookSigningKey}, {@code password}, ...). Such a field must be marked secret in the manifest, so its
 * value is stored encrypted and only ever referenced. Names that merely point at a credential (a URL, a file path,
 * a header or secret name, a lifetime) are not credentials themselves.
 */
public final class CredentialNames {

    private static final List<String> CREDENTIAL_WORDS = List.of(
            "password",
            "passwd",
            "passphrase",
            "secret",
            "token",
            "apikey",
            "accesskey",
            "privatekey",
            "signingkey",
            "credential",
            "serviceaccountkey",
            "authorization",
            "cookie");
    private static final List<String> POINTER_SUFFIXES =
            List.of("url", "uri", "endpoint", "path", "file", "header", "name", "ttl", "seconds", "expiry", "type");

    private CredentialNames() {}

    public static boolean looksLikeCredential(String fieldName) {
        String flat = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (POINTER_SUFFIXES.stream().anyMatch(flat::endsWith)) {
            return false;
        }
        return CREDENTIAL_WORDS.stream().anyMatch(flat::contains);
    }
}
