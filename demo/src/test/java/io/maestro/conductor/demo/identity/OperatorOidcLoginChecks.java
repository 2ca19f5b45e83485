package io.maestro.conductor.demo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.maestro.conductor.demo.DemoHub;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Operator login through OpenID Connect on a hub with {@code conductor.oidc-login} on, against a real
 * mock-oauth2-server over HTTP (issuer {@value #ISSUER}): bearer tokens on the admin API, Hawtio and Jolokia, with
 * roles and tenants from their claims, every forged or stale token refused 401 with its code (never 500), and the
 * console's authorization code flow with its state and nonce checks.
 */
public abstract class OperatorOidcLoginChecks {

    static final String ISSUER = DemoHub.OPERATOR_ISSUER;
    static final String CLIENT_ID = DemoHub.OPERATOR_CLIENT_ID;
    static final OidcSandbox OIDC = DemoHub.OPERATOR_OIDC;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    record Answer(int status, HttpResponse<String> raw) {
        JsonNode json() throws Exception {
            return JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    private Answer send(HttpClient client, String method, String url, String body, String... headers) throws Exception {
        URI uri = url.startsWith("http") ? URI.create(url) : URI.create("http://127.0.0.1:" + port + url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response);
    }

    private Answer bearer(String method, String path, String token, String body) throws Exception {
        return body == null
                ? send(browser(), method, path, null, "Authorization", "Bearer " + token)
                : send(browser(), method, path, body, "Authorization", "Bearer " + token, "Content-Type", "text/plain");
    }

    private static String token(List<String> roles, List<String> tenants) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (roles != null) {
            claims.put("roles", roles);
        }
        if (tenants != null) {
            claims.put("tenants", tenants);
        }
        claims.put("preferred_username", "grace");
        return OIDC.issueToken(ISSUER, "grace-sub", CLIENT_ID, claims, Duration.ofMinutes(5));
    }

    private static void assertRefused(Answer answer, String code, String token) throws Exception {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(401);
        assertThat(answer.json().path("code").asText()).isEqualTo(code);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.raw().body()).doesNotContain(token);
    }

    @Test
    void aBearerTokenLogsInWithTheRolesAndTenantsOfItsClaims() throws Exception {
        String admin = token(List.of("admin"), List.of("*"));
        String atlasViewer = token(List.of("Viewer"), List.of("atlas"));

        assertThat(bearer("GET", "/api/tenants", admin, null).status()).isEqualTo(200);
        Answer tenants = bearer("GET", "/api/tenants", atlasViewer, null);
        assertThat(tenants.status()).isEqualTo(200);
        assertThat(tenants.json()).extracting(t -> t.path("id").asText()).containsExactly("atlas");
        assertThat(bearer("GET", "/api/tenants/atlas/receipts", atlasViewer, null)
                        .status())
                .isEqualTo(200);
        JsonNode me = bearer("GET", "/api/me", atlasViewer, null).json();
        assertThat(me.path("name").asText()).isEqualTo("oidc:grace");
        assertThat(me.path("roles")).extracting(JsonNode::asText).containsExactly("viewer");
        assertThat(me.path("allTenants").asBoolean(true)).isFalse();
    }

    @Test
    void aTokenForAnotherTenantSeesOnlyThatTenant() throws Exception {
        String lumenOperator = token(List.of("operator"), List.of("lumen"));

        assertThat(bearer("GET", "/api/tenants/atlas/receipts", lumenOperator, null)
                        .status())
                .isEqualTo(404);
        assertThat(bearer("GET", "/api/tenants/lumen/receipts", lumenOperator, null)
                        .status())
                .isEqualTo(200);
        assertThat(bearer("GET", "/api/tenants", lumenOperator, null).json())
                .extracting(t -> t.path("id").asText())
                .containsExactly("lumen");
    }

    @Test
    void withoutTheRolesClaimATokenGetsLeastPrivilege() throws Exception {
        String noRoles = token(null, List.of("*"));
        String unknownRole = token(List.of("superuser", "root"), List.of("*"));
        String noTenants = token(List.of("admin"), null);

        assertThat(bearer("GET", "/api/tenants", noRoles, null).status()).isEqualTo(403);
        assertThat(bearer("GET", "/api/tenants", unknownRole, null).status()).isEqualTo(403);
        assertThat(bearer("GET", "/actuator/hawtio/", noRoles, null).status()).isEqualTo(403);
        assertThat(bearer("GET", "/api/tenants", noTenants, null).json()).isEmpty();
        assertThat(bearer("GET", "/api/tenants/atlas/receipts", noTenants, null).status())
                .isEqualTo(404);
    }

    @Test
    void hawtioAndJolokiaHonourTheTokensRoles() throws Exception {
        String viewer = token(List.of("viewer"), List.of("*"));
        String operator = token(List.of("operator"), List.of("*"));
        String atlasAdmin = token(List.of("admin"), List.of("atlas"));
        String exec = "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}";

        assertThat(bearer("GET", "/actuator/hawtio/", viewer, null).status()).isEqualTo(200);
        assertThat(bearer("GET", "/actuator/jolokia/read/java.lang:type=Memory/Verbose", viewer, null)
                        .status())
                .isEqualTo(200);
        assertThat(bearer("GET", "/actuator/jolokia/exec/java.lang:type=Memory/gc", viewer, null)
                        .status())
                .isEqualTo(403);
        assertThat(bearer("POST", "/actuator/jolokia", viewer, exec).status()).isEqualTo(403);
        Answer operatorExec = bearer("POST", "/actuator/jolokia", operator, exec);
        assertThat(operatorExec.status())
                .as("a bearer request needs no CSRF token")
                .isEqualTo(200);
        assertThat(operatorExec.json().path("status").asInt()).isEqualTo(200);
        assertThat(bearer("GET", "/actuator/hawtio/", atlasAdmin, null).status())
                .isEqualTo(403);
    }

    @Test
    void expiredWrongAudienceAndWrongIssuerTokensAreRefused() throws Exception {
        String expired = OIDC.issueTokenAt(
                Instant.now().minus(Duration.ofHours(2)),
                ISSUER,
                "grace-sub",
                CLIENT_ID,
                Map.of("roles", List.of("admin"), "tenants", List.of("*")),
                Duration.ofMinutes(5));
        String otherAudience = OIDC.issueToken(
                ISSUER, "grace-sub", "another-client", Map.of("roles", List.of("admin")), Duration.ofMinutes(5));
        String otherIssuer = OIDC.issueToken(
                "elsewhere", "grace-sub", CLIENT_ID, Map.of("roles", List.of("admin")), Duration.ofMinutes(5));

        assertRefused(bearer("GET", "/api/tenants", expired, null), "TOKEN_EXPIRED", expired);
        assertRefused(bearer("GET", "/api/tenants", otherAudience, null), "TOKEN_AUDIENCE_MISMATCH", otherAudience);
        // Another issuer of the same server signs with its own key (kid "elsewhere"): no key of ours matches.
        assertRefused(bearer("GET", "/actuator/hawtio/", otherIssuer, null), "TOKEN_INVALID", otherIssuer);
    }

    @Test
    void algNoneAndHsRsConfusionAreRefused() throws Exception {
        String claims = "{\"iss\":\"" + OIDC.issuer(ISSUER) + "\",\"sub\":\"mallory\",\"aud\":\"" + CLIENT_ID
                + "\",\"exp\":" + (Instant.now().getEpochSecond() + 600)
                + ",\"roles\":[\"admin\"],\"tenants\":[\"*\"]}";
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String none = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        // HS256 keyed with the provider's public key, as a validator that trusts the header's alg would check it.
        RSAKey published =
                (RSAKey) JWKSet.load(OIDC.jwksUrl(ISSUER).toURL()).getKeys().get(0);
        SignedJWT confused = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(published.getKeyID())
                        .build(),
                JWTClaimsSet.parse(claims));
        confused.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
        String hs = confused.serialize();

        assertRefused(bearer("GET", "/api/tenants", none, null), "TOKEN_ALGORITHM_REJECTED", none);
        assertRefused(bearer("GET", "/api/tenants", hs, null), "TOKEN_ALGORITHM_REJECTED", hs);
    }

    @Test
    void aBurstOfUnknownKidsIsRefused401AndCostsTheProviderAtMostOneFetch() throws Exception {
        String valid = token(List.of("viewer"), List.of("*"));
        assertThat(bearer("GET", "/api/tenants", valid, null).status()).isEqualTo(200); // JWKS fetched
        long before = OIDC.jwksRequestCount(ISSUER);
        RSAKey forgersKey = new RSAKeyGenerator(2048).generate();

        for (int i = 0; i < 20; i++) {
            RSAKey forger = new RSAKey.Builder(forgersKey).keyID("bogus-" + i).build();
            SignedJWT forged = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(forger.getKeyID())
                            .build(),
                    new JWTClaimsSet.Builder()
                            .issuer(OIDC.issuer(ISSUER).toString())
                            .subject("mallory")
                            .audience(CLIENT_ID)
                            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                            .claim("roles", List.of("admin"))
                            .claim("tenants", List.of("*"))
                            .build());
            forged.sign(new RSASSASigner(forger));
            String token = forged.serialize();
            assertRefused(bearer("GET", "/api/tenants", token, null), "TOKEN_INVALID", token);
        }

        // One fetch per rate-limit window (30 s) at most, however many kids: the burst may straddle one boundary
        // (another test's unknown kid may have opened the window just before).
        assertThat(OIDC.jwksRequestCount(ISSUER) - before).isLessThanOrEqualTo(2);
        assertThat(bearer("GET", "/api/tenants", valid, null).status()).isEqualTo(200);
    }

    @Test
    void httpBasicStillWorksBesideOidc() throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(("operator:" + HubProperties.operatorPassword(DemoHub.DATA_DIR))
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(send(browser(), "GET", "/api/tenants", null, "Authorization", "Basic " + basic)
                        .status())
                .isEqualTo(200);
        assertThat(send(browser(), "GET", "/actuator/hawtio/", null, "Authorization", "Basic " + basic)
                        .status())
                .isEqualTo(200);
        Answer anonymousApi = send(browser(), "GET", "/api/tenants", null, "Accept", "text/html");
        assertThat(anonymousApi.status()).isEqualTo(401);
    }

    /** The console's login: redirect to the provider, back with code and state, session, console. */
    @Test
    void theConsoleLogsInThroughTheAuthorizationCodeFlow() throws Exception {
        HttpClient browser = browser();
        OIDC.enqueueLogin(ISSUER, "olivia-sub", Map.of("roles", List.of("admin"), "tenants", List.of("*")));

        Answer callback = toCallback(browser);
        Answer loggedIn = send(browser, "GET", callback.header("Location"), null);
        assertThat(loggedIn.status()).as(loggedIn.raw().body()).isEqualTo(302);
        assertThat(loggedIn.header("Location")).contains("/actuator/hawtio/");
        Answer console = send(browser, "GET", "/actuator/hawtio/", null, "Accept", "text/html");

        assertThat(console.status()).isEqualTo(200);
        assertThat(console.raw().body()).containsIgnoringCase("hawtio");
        assertThat(send(browser, "GET", "/actuator/jolokia/version", null).status())
                .as("Jolokia, which the console calls, in the same session")
                .isEqualTo(200);
        assertThat(send(browser(), "GET", "/actuator/hawtio/", null).status())
                .as("another browser has no session")
                .isEqualTo(401);
    }

    @Test
    void aConsoleLoginWithoutAdminRolesIsForbidden() throws Exception {
        HttpClient browser = browser();
        OIDC.enqueueLogin(ISSUER, "tim-sub", Map.of("roles", List.of("operator"), "tenants", List.of("atlas")));

        Answer callback = toCallback(browser);
        Answer loggedIn = send(browser, "GET", callback.header("Location"), null);

        assertThat(loggedIn.status()).isEqualTo(302);
        assertThat(send(browser, "GET", "/actuator/hawtio/", null, "Accept", "text/html")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aCallbackWithAForgedStateIsRefused() throws Exception {
        HttpClient browser = browser();
        String callback = toCallback(browser).header("Location");
        String forged = callback.replaceFirst("state=[^&]+", "state=forged-" + UUID.randomUUID());

        Answer refused = send(browser, "GET", forged, null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("LOGIN_FAILED");
        assertThat(send(browser, "GET", "/actuator/hawtio/", null).status()).isEqualTo(401);
    }

    /**
     * A code issued to one login, delivered to another browser's login (its own state, so the state check passes):
     * the ID token carries the first login's nonce, which the second one did not send, and is refused.
     */
    @Test
    void anIdTokenOfAnotherLoginFailsTheNonceCheck() throws Exception {
        String stolen = toCallback(browser()).header("Location");
        String code = query(URI.create(stolen), "code");
        HttpClient victim = browser();
        String victimsState = query(URI.create(toCallback(victim).header("Location")), "state");

        Answer refused =
                send(victim, "GET", "/login/oauth2/code/conductor?code=" + code + "&state=" + victimsState, null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("LOGIN_FAILED");
        assertThat(send(victim, "GET", "/actuator/hawtio/", null).status()).isEqualTo(401);
    }

    /** Opens the console, follows the hub to the provider; answers the provider's redirect back (not followed). */
    private Answer toCallback(HttpClient browser) throws Exception {
        Answer console = send(browser, "GET", "/actuator/hawtio/", null, "Accept", "text/html");
        assertThat(console.status()).isEqualTo(302);
        Answer start = send(browser, "GET", console.header("Location"), null);
        assertThat(start.status()).isEqualTo(302);
        URI authorize = URI.create(start.header("Location"));
        assertThat(authorize.toString()).startsWith(OIDC.issuer(ISSUER).toString());
        assertThat(query(authorize, "state")).isNotBlank();
        assertThat(query(authorize, "nonce")).isNotBlank();
        Answer provider = send(browser, "GET", authorize.toString(), null);
        assertThat(provider.status()).isEqualTo(302);
        assertThat(provider.header("Location")).contains("/login/oauth2/code/conductor?");
        return provider;
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
