package io.maestro.conductor.identity.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How one tenant's identity provider is trusted.
 *
 * @param issuer                 the exact {@code iss} tokens must carry; discovery is read below it
 * @param audiences              a token's {@code aud} must contain one of these (usually the client id)
 * @param jwksUrl                the provider's JWKS; null to take {@code jwks_uri} from discovery
 * @param userInfoUrl            the userinfo endpoint; null to take {@code userinfo_endpoint} from discovery
 * @param algorithms             accepted signature algorithms; asymmetric only (HS* would let anyone holding the
 *                               client secret mint tokens, and invites RS/HS confusion)
 * @param clockSkew              tolerance on {@code exp}, {@code nbf} and {@code iat}
 * @param maxTokenChars          longer tokens are refused before parsing
 * @param jwksCacheTtl           how long a fetched JWKS is used before it is fetched again
 * @param jwksRefreshMinInterval at most one JWKS fetch per interval for unknown {@code kid}s (nimbus's rate limit)
 * @param httpTimeout            connect and read timeout towards the provider
 */
public record OidcSettings(URI issuer, Set<String> audiences, URI jwksUrl, URI userInfoUrl,
        Set<JWSAlgorithm> algorithms, Duration clockSkew, int maxTokenChars, Duration jwksCacheTtl,
        Duration jwksRefreshMinInterval, Duration httpTimeout) {

    public static final Set<JWSAlgorithm> ASYMMETRIC_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        audiences = Set.copyOf(audiences);
        algorithms = Set.copyOf(algorithms);
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("at least one audience (the client id) is required");
        }
        if (algorithms.isEmpty() || !ASYMMETRIC_ALGORITHMS.containsAll(algorithms)) {
            throw new IllegalArgumentException("algorithms must be asymmetric JWS algorithms, got " + algorithms);
        }
        if (maxTokenChars < 64) {
            throw new IllegalArgumentException("maxTokenChars must be at least 64");
        }
    }

    /** RS256/PS256/ES256 family, 60 s skew, 8 KiB tokens, JWKS kept 5 min and refreshed for unknown keys at most every 30 s. */
    public static OidcSettings of(URI issuer, String audience) {
        return new OidcSettings(issuer, Set.of(audience), null, null, ASYMMETRIC_ALGORITHMS, Duration.ofSeconds(60),
                8192, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public OidcSettings withJwksUrl(URI url) {
        return new OidcSettings(issuer, audiences, url, userInfoUrl, algorithms, clockSkew, maxTokenChars,
                jwksCacheTtl, jwksRefreshMinInterval, httpTimeout);
    }

    public OidcSettings withUserInfoUrl(URI url) {
        return new OidcSettings(issuer, audiences, jwksUrl, url, algorithms, clockSkew, maxTokenChars,
                jwksCacheTtl, jwksRefreshMinInterval, httpTimeout);
    }

    public OidcSettings withMaxTokenChars(int chars) {
        return new OidcSettings(issuer, audiences, jwksUrl, userInfoUrl, algorithms, clockSkew, chars,
                jwksCacheTtl, jwksRefreshMinInterval, httpTimeout);
    }

    public OidcSettings withJwksTiming(Duration cacheTtl, Duration refreshMinInterval) {
        return new OidcSettings(issuer, audiences, jwksUrl, userInfoUrl, algorithms, clockSkew, maxTokenChars,
                cacheTtl, refreshMinInterval, httpTimeout);
    }
}
