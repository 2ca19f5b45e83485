package io.maestro.conductor.identity.oidc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Validates an OIDC access or ID token (a compact JWS) against one provider. Checks run cheapest first and each
 * failure has its own code: size, shape, algorithm (before any key is looked up, so {@code alg=none} and HS/RS
 * confusion never reach a verifier), signature with the provider's key for the token's {@code kid}, then issuer,
 * audience and validity period (only for tokens whose signature verified, so a forged token learns nothing about
 * its claims).
 */
public final class TokenValidator {

    private static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private final OidcSettings settings;
    private final JwksKeySource keys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;
    /**
     * Tokens whose signature and claims were checked; kept no longer than the JWKS, so a withdrawn key stops them as
     * soon. Null when off (Caffeine with a maximum weight of 0 still keeps entries until its next maintenance).
     */
    private final Cache<String, ValidatedToken> verified;

    TokenValidator(OidcSettings settings, JwksKeySource keys, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.verified = settings.verifiedCacheChars() == 0
                ? null
                : Caffeine.newBuilder()
                        .maximumWeight(settings.verifiedCacheChars())
                        .weigher((String token, ValidatedToken validated) -> token.length())
                        .expireAfterWrite(settings.jwksCacheTtl())
                        .build();
        processor.setJWSKeySelector(new CachingKeySelector(settings.algorithms(), keys.source()));
        // RFC 9068 access tokens are typed at+jwt; most providers send JWT or nothing.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, ACCESS_TOKEN_TYPE, null));
        // Claims are checked below, each failure with its own code, instead of nimbus's one BadJWTException.
        processor.setJWTClaimsSetVerifier(null);
    }

    public ValidatedToken validate(String token) {
        if (token == null || token.isBlank()) {
            throw new IdentityException(IdentityErrorCode.TOKEN_MISSING, "no token presented");
        }
        if (token.length() > settings.maxTokenChars()) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_TOO_LARGE,
                    "token has " + token.length() + " characters, the limit is " + settings.maxTokenChars());
        }
        ValidatedToken known = verified == null ? null : verified.getIfPresent(token);
        if (known != null) {
            checkExpiry(known.expiresAt());
            return known;
        }
        SignedJWT jwt = signedJwt(token);
        JWTClaimsSet claims = verifySignature(jwt);
        ValidatedToken validated = checkClaims(jwt, claims);
        if (verified != null) {
            verified.put(token, validated);
        }
        return validated;
    }

    private void checkExpiry(Instant expiry) {
        if (expiry.plus(settings.clockSkew()).isBefore(clock.instant())) {
            throw new IdentityException(IdentityErrorCode.TOKEN_EXPIRED, "token expired at " + expiry);
        }
    }

    private SignedJWT signedJwt(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new IdentityException(IdentityErrorCode.TOKEN_MALFORMED, "token is not a compact JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new IdentityException(IdentityErrorCode.TOKEN_ALGORITHM_REJECTED, "unsigned token (alg=none)");
        }
        if (jwt instanceof EncryptedJWT) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_ALGORITHM_REJECTED, "encrypted tokens are not accepted");
        }
        SignedJWT signed = (SignedJWT) jwt;
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!settings.algorithms().contains(algorithm)) {
            String kind = JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) ? "symmetric algorithm " : "algorithm ";
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_ALGORITHM_REJECTED, kind + algorithm + " is not accepted");
        }
        return signed;
    }

    private JWTClaimsSet verifySignature(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        try {
            return processor.process(jwt, null);
        } catch (BadJWSException e) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_SIGNATURE_INVALID, "signature does not verify (kid " + kid + ")");
        } catch (BadJOSEException e) {
            throw new IdentityException(IdentityErrorCode.TOKEN_INVALID, "no provider key matches (kid " + kid + ")");
        } catch (KeySourceException e) {
            throw keySourceFailure(e, kid);
        } catch (JOSEException e) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_INVALID, "token could not be verified (kid " + kid + ")");
        }
    }

    private IdentityException keySourceFailure(KeySourceException e, String kid) {
        if (causedBy(e, RateLimitReachedException.class)) {
            // An unknown kid right after a refresh: nimbus refuses to fetch again. The token is unverifiable, not the
            // provider down.
            return new IdentityException(
                    IdentityErrorCode.TOKEN_INVALID,
                    "no provider key matches (kid " + kid + "); JWKS refresh rate-limited");
        }
        if (causedBy(e, JWKSetParseException.class)) {
            return new IdentityException(
                    IdentityErrorCode.IDP_RESPONSE_INVALID, "the provider's JWKS cannot be parsed", e);
        }
        return new IdentityException(IdentityErrorCode.IDP_UNAVAILABLE, "the provider's JWKS could not be fetched", e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private ValidatedToken checkClaims(SignedJWT jwt, JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        if (!settings.issuer().toString().equals(issuer)) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_ISSUER_MISMATCH,
                    "issuer '" + issuer + "' is not the configured '" + settings.issuer() + "'");
        }
        List<String> audiences = claims.getAudience();
        if (audiences.stream().noneMatch(settings.audiences()::contains)) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_AUDIENCE_MISMATCH,
                    "audience " + audiences + " does not include " + settings.audiences());
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new IdentityException(IdentityErrorCode.TOKEN_INVALID, "token has no exp claim");
        }
        checkExpiry(expiry.toInstant());
        Instant now = clock.instant();
        Instant notBefore = latest(claims.getNotBeforeTime(), claims.getIssueTime());
        if (notBefore != null && notBefore.minus(settings.clockSkew()).isAfter(now)) {
            throw new IdentityException(
                    IdentityErrorCode.TOKEN_NOT_YET_VALID, "token is not valid before " + notBefore);
        }
        if (claims.getSubject() == null) {
            throw new IdentityException(IdentityErrorCode.TOKEN_INVALID, "token has no sub claim");
        }
        return new ValidatedToken(
                claims.getSubject(),
                issuer,
                java.util.Set.copyOf(audiences),
                expiry.toInstant(),
                jwt.getHeader().getKeyID(),
                claims.toJSONObject());
    }

    private static Instant latest(Date notBefore, Date issuedAt) {
        Instant a = notBefore == null ? null : notBefore.toInstant();
        Instant b = issuedAt == null ? null : issuedAt.toInstant();
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** JWKS fetches so far (for metrics and tests). */
    public long jwksRefreshes() {
        return keys.refreshes();
    }

    /** How many verified tokens are remembered now (approximately). */
    public long rememberedTokens() {
        return verified == null ? 0 : verified.estimatedSize();
    }

    /** Unknown-key lookups refused by the refresh rate limit so far. */
    public long rateLimitedKeyLookups() {
        return keys.rateLimitedLookups();
    }
}
