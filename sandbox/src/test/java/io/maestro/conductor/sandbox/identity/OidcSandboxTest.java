package io.maestro.conductor.sandbox.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OidcSandboxTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OidcSandbox oidc;

    @BeforeAll
    static void start() {
        oidc = OidcSandbox.start();
    }

    @AfterAll
    static void stop() {
        oidc.close();
    }

    @Test
    void servesDiscoveryOnLoopbackWithTheIssuerItsTokensCarry() throws Exception {
        assertThat(java.net.InetAddress.getByName(oidc.issuer("acme").getHost()).isLoopbackAddress())
                .isTrue();
        JsonNode discovery = JSON.readTree(get(oidc.discoveryUrl("acme")).body());

        assertThat(discovery.path("issuer").asText())
                .isEqualTo(oidc.issuer("acme").toString());
        assertThat(discovery.path("jwks_uri").asText())
                .isEqualTo(oidc.jwksUrl("acme").toString());
        assertThat(discovery.path("userinfo_endpoint").asText())
                .isEqualTo(oidc.userInfoUrl("acme").toString());
    }

    @Test
    void tokensVerifyWithTheKeyItsJwksPublishes() throws Exception {
        String token = oidc.issueToken("acme", "alice", "conductor", Map.of("roles", "admin"), Duration.ofMinutes(5));
        JWKSet keys = JWKSet.parse(get(oidc.jwksUrl("acme")).body());
        SignedJWT jwt = SignedJWT.parse(token);

        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer())
                .isEqualTo(oidc.issuer("acme").toString());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("conductor");
        assertThat(jwt.getJWTClaimsSet().getClaim("roles")).isEqualTo("admin");
    }

    @Test
    void issuesTokensAtAGivenTime() throws Exception {
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = oidc.issueTokenAt(yesterday, "acme", "alice", "conductor", Map.of(), Duration.ofHours(1));

        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(yesterday);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(yesterday.plus(Duration.ofHours(1)));
        String now = oidc.issueToken("acme", "alice", "conductor", Map.of(), Duration.ofHours(1));
        assertThat(SignedJWT.parse(now).getJWTClaimsSet().getIssueTime().toInstant())
                .isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void countsTheRequestsItReceivesPerPath() throws Exception {
        long before = oidc.jwksRequestCount("counted");
        get(oidc.jwksUrl("counted"));
        get(oidc.jwksUrl("counted"));
        get(oidc.discoveryUrl("counted"));

        assertThat(oidc.jwksRequestCount("counted")).isEqualTo(before + 2);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
