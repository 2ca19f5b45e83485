package io.maestro.conductor.identity.oidc;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A token whose signature, issuer, audience and validity period were checked; {@code claims} are its payload. */
public record ValidatedToken(
        String subject,
        String issuer,
        Set<String> audiences,
        Instant expiresAt,
        String keyId,
        Map<String, Object> claims) {

    public ValidatedToken {
        audiences = Set.copyOf(audiences);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims)); // JSON null claims are kept
    }
}
