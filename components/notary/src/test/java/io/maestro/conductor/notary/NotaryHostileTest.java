package io.maestro.conductor.notary;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a broken or hostile TSA, a weak key, a bad endpoint or empty content gets: a stable code, nothing else. */
class NotaryHostileTest {

    private static final String SECRET = "acme-notary-signing-secret-0123456789";

    private TimestampAuthority tsa;
    private NotaryHarness notary;
    private HttpServer hostile;

    @BeforeEach
    void start() {
        tsa = TimestampAuthority.start();
        notary = new NotaryHarness();
        notary.instances.put(NotaryInstances.put(notary.secrets, "acme", "prod", "notary", tsa, SECRET, null, 1));
    }

    @AfterEach
    void stop() {
        notary.close();
        tsa.close();
        if (hostile != null) {
            hostile.stop(0);
        }
    }

    @Test
    void emptyContentIsARequestErrorAndReachesNoTsa() {
        assertThat(code(notary.call("seal", "notary", new byte[0]))).isEqualTo(NotaryErrorCode.NOTARY_REQUEST_INVALID);
        assertThat(code(notary.call("seal", "notary", (byte[]) null)))
                .isEqualTo(NotaryErrorCode.NOTARY_REQUEST_INVALID);
        assertThat(tsa.requests()).isZero();
    }

    @Test
    void contentOverTheBoundIsRefusedBeforeTheTsa() {
        byte[] large = new byte[NotaryOperations.MAX_CONTENT_BYTES + 1];

        assertThat(code(notary.call("timestamp", "notary", large))).isEqualTo(NotaryErrorCode.NOTARY_REQUEST_INVALID);
        assertThat(tsa.requests()).isZero();
    }

    @Test
    void aShortSigningSecretIsNotAKey() {
        notary.instances.put(NotaryInstances.put(notary.secrets, "acme", "prod", "weak", tsa, "password1", null, 1));

        Exchange refused = notary.call("sign", "weak", "content");

        assertThat(code(refused)).isEqualTo(NotaryErrorCode.NOTARY_KEY_INVALID);
        assertThat(refused.getException().getMessage()).doesNotContain("password1");
    }

    @Test
    void aPlainHttpTsaOffLoopbackIsAConfigError() {
        notary.instances.put(NotaryInstances.instance(
                "acme",
                "prod",
                "remote",
                1,
                Map.of(
                        NotaryDefinitions.SIGNING_KEY, "secret:notary-signing",
                        NotaryDefinitions.TSA_URL, "http://tsa.example.com/tsa")));

        assertThat(code(notary.call("timestamp", "remote", "content"))).isEqualTo(SpiErrorCode.CONFIG_INVALID);
    }

    @Test
    void aTsaAnsweringGarbageFailsAsTheTsa() throws IOException {
        useHostileTsa(200, new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});

        assertThat(code(notary.call("timestamp", "hostile", "content"))).isEqualTo(NotaryErrorCode.NOTARY_TSA_FAILED);
    }

    @Test
    void aTsaAnsweringWithoutBoundIsCutOff() throws IOException {
        useHostileTsa(200, new byte[10 * 1024 * 1024]);

        Exchange failed = notary.call("timestamp", "hostile", "content");

        assertThat(code(failed)).isEqualTo(NotaryErrorCode.NOTARY_TSA_FAILED);
        assertThat(failed.getException().getMessage()).contains("larger than");
    }

    @Test
    void aTsaFailingIsTheTsasFailure() throws IOException {
        useHostileTsa(500, new byte[0]);

        assertThat(code(notary.call("timestamp", "hostile", "content"))).isEqualTo(NotaryErrorCode.NOTARY_TSA_FAILED);
    }

    @Test
    void aRateLimitingTsaIsThrottled() throws IOException {
        useHostileTsa(429, new byte[0]);

        assertThat(code(notary.call("timestamp", "hostile", "content")))
                .isEqualTo(NotaryErrorCode.NOTARY_TSA_THROTTLED);
    }

    @Test
    void anUnreachableTsaIsUnreachable() {
        String url = tsa.url().toString();
        tsa.close();
        notary.instances.put(NotaryInstances.instance(
                "acme",
                "prod",
                "gone",
                1,
                Map.of(NotaryDefinitions.SIGNING_KEY, "secret:notary-signing", NotaryDefinitions.TSA_URL, url)));

        assertThat(code(notary.call("timestamp", "gone", "content"))).isEqualTo(NotaryErrorCode.NOTARY_TSA_UNREACHABLE);
    }

    private void useHostileTsa(int status, byte[] reply) throws IOException {
        hostile = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hostile.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
                if (reply.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply);
                    } catch (IOException closedByClient) {
                        // the client stops reading past its bound
                    }
                }
            }
        });
        hostile.start();
        notary.instances.put(NotaryInstances.instance(
                "acme",
                "prod",
                "hostile",
                1,
                Map.of(
                        NotaryDefinitions.SIGNING_KEY,
                        "secret:notary-signing",
                        NotaryDefinitions.TSA_URL,
                        "http://127.0.0.1:" + hostile.getAddress().getPort() + "/tsa")));
    }

    private static AdapterErrorCode code(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(AdapterException.class);
        return ((AdapterException) exchange.getException()).code();
    }
}
