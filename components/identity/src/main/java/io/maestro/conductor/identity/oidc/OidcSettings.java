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
 * @param verifiedCacheChars     tokens whose signature verified are remembered (up to this many characters of
 *                               tokens, for at most {@code jwksCacheTtl}), so a client presenting the same bearer
 *                               token again costs no signature check; its expiry is checked on every use. 0 = off
 */
public record OidcSettings(
        URI issuer,
        Set<String> audiences,
        URI jwksUrl,
        URI userInfoUrl,
        Set<JWSAlgorithm> algorithms,
        Duration clockSkew,
        int maxTokenChars,
        Duration jwksCacheTtl,
        Duration jwksRefreshMinInterval,
        Duration httpTimeout,
        long verifiedCacheChars) {

    public static final Set<JWSAlgorithm> ASYMMETRIC_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA);

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
        if (verifiedCacheChars < 0) {
            throw new IllegalArgumentException("verifiedCacheChars must not be negative");
        }
        if (maxTokenChars < 64) {
            throw new IllegalArgumentException("maxTokenChars must be at least 64");
        }
    }

    /**
     * RS256/PS256/ES256 family, 60 s skew, 8 KiB tokens, JWKS kept 5 min and refreshed for unknown keys at most every
     * 30 s, 4 M characters of verified tokens remembered.
     */
    public static OidcSettings of(URI issuer, String audience) {
        return new OidcSettings(
                issuer,
                Set.of(audience),
                null,
                null,
                ASYMMETRIC_ALGORITHMS,
                Duration.ofSeconds(60),
                8192,
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                4_000_000);
    }

    public OidcSettings withJwksUrl(URI url) {
        return new OidcSettings(
                issuer,
                audiences,
                url,
                userInfoUrl,
                algorithms,
                clockSkew,
                maxTokenChars,
                jwksCacheTtl,
                jwksRefreshMinInterval,
                httpTimeout,
                verifiedCacheChars);
    }

    public OidcSettings withUserInfoUrl(URI url) {
        return new OidcSettings(
                issuer,
                audiences,
                jwksUrl,
                url,
                algorithms,
                clockSkew,
                maxTokenChars,
                jwksCacheTtl,
                jwksRefreshMinInterval,
                httpTimeout,
                verifiedCacheChars);
    }

    public OidcSettings withMaxTokenChars(int chars) {
        return new OidcSettings(
                issuer,
                audiences,
                jwksUrl,
                userInfoUrl,
                algorithms,
                clockSkew,
                chars,
                jwksCacheTtl,
                jwksRefreshMinInterval,
                httpTimeout,
                verifiedCacheChars);
    }

    public OidcSettings withJwksTiming(Duration cacheTtl, Duration refreshMinInterval) {
        return new OidcSettings(
                issuer,
                audiences,
                jwksUrl,
                userInfoUrl,
                algorithms,
                clockSkew,
                maxTokenChars,
                cacheTtl,
                refreshMinInterval,
                httpTimeout,
                verifiedCacheChars);
    }

    public OidcSettings withVerifiedCacheChars(long chars) {
        return new OidcSettings(
                issuer,
                audiences,
                jwksUrl,
                userInfoUrl,
                algorithms,
                clockSkew,
                maxTokenChars,
                jwksCacheTtl,
                jwksRefreshMinInterval,
                httpTimeout,
                chars);
    }
}
