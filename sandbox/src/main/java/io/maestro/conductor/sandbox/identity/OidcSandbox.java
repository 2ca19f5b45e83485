package io.maestro.conductor.sandbox.identity;

import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An OpenID Connect provider bound to 127.0.0.1 on a free port (its URLs name the host {@code localhost}): NAV's mock-oauth2-server (discovery, JWKS, token,
 * userinfo endpoints; one RS256 key per issuer, its {@code kid} is the issuer id). Every request it receives is
 * recorded, so a test can count how often a client fetched the JWKS.
 */
public final class OidcSandbox implements AutoCloseable {

    private static final String READINESS_ISSUER = "readiness";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final MockWebServerWrapper http = new MockWebServerWrapper();
    private final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(
            false, null, null, false, new OAuth2TokenProvider(new KeyProvider(), this::providerNow), Set.of(), http));
    private final List<String> receivedPaths = new ArrayList<>();
    private volatile Instant fixedNow;

    private OidcSandbox() {}

    /** Starts the provider and returns once it has answered a discovery request. */
    public static OidcSandbox start() {
        return start(0);
    }

    /** Starts the provider on {@code port} (0: a free one) and returns once it has answered a discovery request. */
    public static OidcSandbox start(int port) {
        OidcSandbox sandbox = new OidcSandbox();
        sandbox.server.start(InetAddress.getLoopbackAddress(), port);
        sandbox.awaitReady();
        return sandbox;
    }

    // The first request loads the provider's routing, templates and JSON machinery (seconds on a busy machine);
    // spent here so that no client's timeout pays for it.
    private void awaitReady() {
        HttpRequest discovery = HttpRequest.newBuilder(discoveryUrl(READINESS_ISSUER))
                .timeout(READY_TIMEOUT)
                .build();
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(discovery, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OIDC sandbox answered discovery with HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("OIDC sandbox did not answer discovery", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the OIDC sandbox", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/<issuerId>}, the {@code iss} of its tokens. */
    public URI issuer(String issuerId) {
        return server.issuerUrl(issuerId).uri();
    }

    public URI discoveryUrl(String issuerId) {
        return server.wellKnownUrl(issuerId).uri();
    }

    public URI jwksUrl(String issuerId) {
        return server.jwksUrl(issuerId).uri();
    }

    public URI userInfoUrl(String issuerId) {
        return server.userInfoUrl(issuerId).uri();
    }

    /** A token signed with the issuer's key, valid for {@code lifetime} from now. */
    public synchronized String issueToken(
            String issuerId, String subject, String audience, Map<String, Object> claims, Duration lifetime) {
        SignedJWT jwt = server.issueToken(issuerId, subject, audience, claims, lifetime.toSeconds());
        return jwt.serialize();
    }

    /**
     * A token the provider issues as if its clock read {@code issuedAt}: {@code iat} and {@code nbf} are
     * {@code issuedAt}, {@code exp} is {@code issuedAt + lifetime}; for expired and not-yet-valid tokens.
     */
    public synchronized String issueTokenAt(
            Instant issuedAt,
            String issuerId,
            String subject,
            String audience,
            Map<String, Object> claims,
            Duration lifetime) {
        fixedNow = issuedAt;
        try {
            return issueToken(issuerId, subject, audience, claims, lifetime);
        } finally {
            fixedNow = null;
        }
    }

    private Instant providerNow() {
        Instant now = fixedNow;
        return now != null ? now : Instant.now();
    }

    /**
     * The claims (and subject) of the tokens the next token request of {@code issuerId} gets, e.g. the code flow's
     * ID and access tokens: a login as that user, non-interactively. Their audience is the requesting client.
     */
    public void enqueueLogin(String issuerId, String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, 3600));
    }

    /** How many requests for {@code path} (e.g. {@code /default/jwks}) the provider has received so far. */
    public synchronized long requestCount(String path) {
        MockWebServer recorder = http.getMockWebServer();
        RecordedRequest request;
        while ((request = takeRecorded(recorder)) != null) {
            receivedPaths.add(
                    request.getRequestUrl() == null
                            ? ""
                            : request.getRequestUrl().encodedPath());
        }
        return receivedPaths.stream().filter(path::equals).count();
    }

    private static RecordedRequest takeRecorded(MockWebServer recorder) {
        try {
            return recorder.takeRequest(1, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public long jwksRequestCount(String issuerId) {
        return requestCount(jwksUrl(issuerId).getPath());
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
