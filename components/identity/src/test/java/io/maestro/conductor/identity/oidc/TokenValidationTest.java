package io.maestro.conductor.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token validation against a real OIDC provider (mock-oauth2-server over HTTP): every refusal has its own code. */
class TokenValidationTest {

    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String AUDIENCE = "conductor";
    private static OidcSandbox oidc;

    @BeforeAll
    static void start() {
        oidc = OidcSandbox.start();
    }

    @AfterAll
    static void stop() {
        oidc.close();
    }

    private static OidcProvider provider(String issuerId) {
        return OidcProvider.connect(OidcSettings.of(oidc.issuer(issuerId), AUDIENCE), ClaimMapping.defaults(), HTTP);
    }

    private static String token(String issuerId, Map<String, Object> claims) {
        return oidc.issueToken(issuerId, "alice", AUDIENCE, claims, Duration.ofMinutes(5));
    }

    private static IdentityErrorCode refusal(OidcProvider provider, String token) {
        return catchThrowableOfType(() -> provider.validate(token), IdentityException.class)
                .code();
    }

    @Test
    void acceptsATokenOfTheProviderFoundThroughDiscovery() {
        OidcProvider provider = provider("acme");

        ValidatedToken token = provider.validate(token("acme", Map.of("tenant", "acme")));

        assertThat(provider.metadata().jwksUri()).isEqualTo(oidc.jwksUrl("acme"));
        assertThat(token.subject()).isEqualTo("alice");
        assertThat(token.issuer()).isEqualTo(oidc.issuer("acme").toString());
        assertThat(token.audiences()).containsExactly(AUDIENCE);
        assertThat(token.keyId()).isEqualTo("acme");
        assertThat(token.claims()).containsEntry("tenant", "acme");
    }

    @Test
    void expiredAndNotYetValidTokensHaveTheirOwnCodes() {
        OidcProvider provider = provider("acme");
        String expired = oidc.issueTokenAt(
                Instant.now().minus(Duration.ofHours(2)), "acme", "alice", AUDIENCE, Map.of(), Duration.ofHours(1));
        String early = oidc.issueTokenAt(
                Instant.now().plus(Duration.ofHours(1)), "acme", "alice", AUDIENCE, Map.of(), Duration.ofHours(1));
        String withinSkew = oidc.issueTokenAt(
                Instant.now().minus(Duration.ofSeconds(330)),
                "acme",
                "alice",
                AUDIENCE,
                Map.of(),
                Duration.ofMinutes(5));

        assertThat(refusal(provider, expired)).isEqualTo(IdentityErrorCode.TOKEN_EXPIRED);
        assertThat(refusal(provider, early)).isEqualTo(IdentityErrorCode.TOKEN_NOT_YET_VALID);
        assertThat(provider.validate(withinSkew).subject()).isEqualTo("alice");
    }

    @Test
    void wrongAudienceAndWrongIssuerAreRefused() {
        OidcProvider provider = provider("acme");
        String otherAudience = oidc.issueToken("acme", "alice", "someone-else", Map.of(), Duration.ofMinutes(5));
        // Same key (JWKS given explicitly), but the provider is trusted as another issuer.
        OidcProvider elsewhere = OidcProvider.connect(
                OidcSettings.of(URI.create(oidc.issuer("acme") + "-elsewhere"), AUDIENCE)
                        .withJwksUrl(oidc.jwksUrl("acme"))
                        .withUserInfoUrl(oidc.userInfoUrl("acme")),
                ClaimMapping.defaults(),
                HTTP);

        assertThat(refusal(provider, otherAudience)).isEqualTo(IdentityErrorCode.TOKEN_AUDIENCE_MISMATCH);
        assertThat(refusal(elsewhere, token("acme", Map.of()))).isEqualTo(IdentityErrorCode.TOKEN_ISSUER_MISMATCH);
    }

    @Test
    void unsignedAndSymmetricTokensAreRefusedBeforeAnyKeyIsUsed() throws Exception {
        OidcProvider provider = provider("acme");
        JWTClaimsSet claims = SignedJWT.parse(token("acme", Map.of())).getJWTClaimsSet();
        String unsigned = new PlainJWT(claims).serialize();
        // HS/RS confusion: an HMAC "signed" with the provider's public RSA key, which anyone can read from the JWKS.
        RSAKey published = (RSAKey) JWKSet.parse(HTTP.send(
                                HttpRequest.newBuilder(oidc.jwksUrl("acme")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .getKeyByKeyId("acme");
        SignedJWT confused = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("acme").build(), claims);
        confused.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));

        assertThat(refusal(provider, unsigned)).isEqualTo(IdentityErrorCode.TOKEN_ALGORITHM_REJECTED);
        assertThat(refusal(provider, confused.serialize())).isEqualTo(IdentityErrorCode.TOKEN_ALGORITHM_REJECTED);
    }

    @Test
    void tamperedMalformedOversizedAndMissingTokensAreRefused() {
        OidcProvider provider = provider("acme");
        String[] parts = token("acme", Map.of("roles", "viewer")).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("viewer", "admin");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        String oversized = token("acme", Map.of("padding", "x".repeat(10_000)));

        assertThat(refusal(provider, tampered)).isEqualTo(IdentityErrorCode.TOKEN_SIGNATURE_INVALID);
        assertThat(refusal(provider, "not-a-token")).isEqualTo(IdentityErrorCode.TOKEN_MALFORMED);
        assertThat(refusal(provider, oversized)).isEqualTo(IdentityErrorCode.TOKEN_TOO_LARGE);
        assertThat(refusal(provider, "  ")).isEqualTo(IdentityErrorCode.TOKEN_MISSING);
    }

    @Test
    void aBurstOfUnknownKeyIdsCostsTheProviderOneJwksFetchAndAnswersTokenInvalid() throws Exception {
        OidcProvider provider = provider("burst");
        provider.validate(token("burst", Map.of()));
        long fetchesWhenWarm = oidc.jwksRequestCount("burst");
        RSAKey attackerKey = new RSAKeyGenerator(2048).generate();
        JWTClaimsSet claims = SignedJWT.parse(token("burst", Map.of())).getJWTClaimsSet();

        for (int i = 0; i < 50; i++) {
            SignedJWT forged = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .keyID(UUID.randomUUID().toString())
                            .build(),
                    claims);
            forged.sign(new RSASSASigner(attackerKey));
            assertThat(refusal(provider, forged.serialize())).isEqualTo(IdentityErrorCode.TOKEN_INVALID);
        }

        assertThat(fetchesWhenWarm).isEqualTo(1);
        assertThat(oidc.jwksRequestCount("burst") - fetchesWhenWarm).isLessThanOrEqualTo(1);
        assertThat(provider.validator().rateLimitedKeyLookups()).isGreaterThanOrEqualTo(49);
        assertThat(provider.validate(token("burst", Map.of())).subject()).isEqualTo("alice");
        assertThat(oidc.jwksRequestCount("burst") - fetchesWhenWarm).isLessThanOrEqualTo(1);
    }

    @Test
    void anUnknownKeyIdRefreshesTheJwksOnceTheRateLimitAllows() throws Exception {
        OidcProvider provider = OidcProvider.connect(
                OidcSettings.of(oidc.issuer("refresh"), AUDIENCE)
                        .withJwksTiming(Duration.ofMinutes(5), Duration.ofMillis(200)),
                ClaimMapping.defaults(),
                HTTP);
        provider.validate(token("refresh", Map.of()));
        RSAKey attackerKey = new RSAKeyGenerator(2048).keyID("rotated-in").generate();
        SignedJWT unknown = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rotated-in").build(),
                SignedJWT.parse(token("refresh", Map.of())).getJWTClaimsSet());
        unknown.sign(new RSASSASigner(attackerKey));

        Thread.sleep(300);
        assertThat(refusal(provider, unknown.serialize())).isEqualTo(IdentityErrorCode.TOKEN_INVALID);

        // The cache was younger than its TTL: only the unknown kid made the validator fetch the JWKS again.
        assertThat(oidc.jwksRequestCount("refresh")).isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsCheckedForExpiryOnEveryUse() {
        OidcSettings settings = OidcSettings.of(oidc.issuer("acme"), AUDIENCE);
        MutableClock clock = new MutableClock(Instant.now());
        TokenValidator validator =
                new TokenValidator(settings, new JwksKeySource(oidc.jwksUrl("acme"), settings), clock);
        String token = token("acme", Map.of());

        assertThat(validator.validate(token).subject()).isEqualTo("alice");
        assertThat(validator.rememberedTokens()).isEqualTo(1);
        assertThat(validator.validate(token).subject()).isEqualTo("alice");
        clock.now = Instant.now().plus(Duration.ofMinutes(7));

        assertThat(catchThrowableOfType(() -> validator.validate(token), IdentityException.class)
                        .code())
                .isEqualTo(IdentityErrorCode.TOKEN_EXPIRED);
        TokenValidator forgetful = new TokenValidator(
                settings.withVerifiedCacheChars(0), new JwksKeySource(oidc.jwksUrl("acme"), settings), clock);
        clock.now = Instant.now();
        assertThat(forgetful.validate(token).subject()).isEqualTo("alice");
        assertThat(forgetful.rememberedTokens()).isZero();
    }

    private static final class MutableClock extends java.time.Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anUnreachableProviderIsUnavailableNotAnInvalidToken() throws Exception {
        URI closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/jwks");
        }
        OidcProvider provider = OidcProvider.connect(
                OidcSettings.of(oidc.issuer("acme"), AUDIENCE)
                        .withJwksUrl(closed)
                        .withUserInfoUrl(closed),
                ClaimMapping.defaults(),
                HTTP);

        IdentityException failure =
                catchThrowableOfType(() -> provider.validate(token("acme", Map.of())), IdentityException.class);

        assertThat(failure.code()).isEqualTo(IdentityErrorCode.IDP_UNAVAILABLE);
        assertThat(failure.isTransient()).isTrue();
    }

    @Test
    void discoveryAnnouncingAnotherIssuerIsRefused() {
        IdentityException failure = catchThrowableOfType(
                () -> OidcProvider.connect(
                        OidcSettings.of(URI.create(oidc.issuer("acme") + "/"), AUDIENCE),
                        ClaimMapping.defaults(),
                        HTTP),
                IdentityException.class);

        assertThat(failure.code()).isEqualTo(IdentityErrorCode.IDP_RESPONSE_INVALID);
        assertThat(failure.getMessage()).contains("announces issuer");
    }

    @Test
    void refusalMessagesNeverCarryTheToken() {
        OidcProvider provider = provider("acme");
        String expired = oidc.issueTokenAt(
                Instant.now().minus(Duration.ofHours(2)), "acme", "alice", AUDIENCE, Map.of(), Duration.ofHours(1));
        String signature = expired.substring(expired.lastIndexOf('.') + 1);

        IdentityException failure = catchThrowableOfType(() -> provider.validate(expired), IdentityException.class);

        assertThat(failure.getMessage()).doesNotContain(signature).doesNotContain(expired.substring(0, 40));
    }
}
