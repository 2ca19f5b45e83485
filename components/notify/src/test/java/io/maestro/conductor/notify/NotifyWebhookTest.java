package io.maestro.conductor.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.testing.AdapterHarness;
import io.maestro.conductor.adapter.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code notify:send} as signed webhooks to a receiver on 127.0.0.1; every delivery checked with the partners' helper. */
class NotifyWebhookTest {

    private static final String SECRET = "whsec-conductor-test-5Yp3Lq8Rt1";

    private AdapterHarness notify;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        notify = new AdapterHarness(new NotifyComponent());
        notify.secrets.put("acme", "prod", "hook-signing", SECRET);
    }

    @AfterEach
    void stop() {
        notify.close();
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aDeliveryIsSignedAndVerifiesWithThePartnersHelper() throws Exception {
        receive(() -> 204, null);

        Exchange sent = send();

        assertThat(sent.getException()).isNull();
        assertThat(receiver.deliveries).hasSize(1);
        WebhookReceiver.Delivery delivery = receiver.deliveries.get(0);
        WebhookSignature.verify(
                delivery.body(),
                delivery.header(WebhookSignature.HEADER),
                SECRET,
                WebhookSignature.DEFAULT_TOLERANCE,
                Clock.systemUTC());
        JsonNode json = new ObjectMapper().readTree(delivery.body());
        assertThat(json.get("type").asText()).isEqualTo("adapter.down");
        assertThat(json.get("tenant").asText()).isEqualTo("acme");
        assertThat(json.at("/data/instance").asText()).isEqualTo("ledger");
        assertThat(json.get("id").asText())
                .isEqualTo(delivery.header(WebhookSignature.EVENT_ID_HEADER))
                .isEqualTo(sent.getMessage().getHeader(NotifyConstants.DELIVERY_ID));
    }

    @Test
    void aReceiverFailingTwiceGetsTheSameEventSignedAfreshOnTheThirdTry() {
        AtomicInteger calls = new AtomicInteger();
        receive(() -> calls.incrementAndGet() <= 2 ? 503 : 200, null);

        Exchange sent = send();

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(NotifyConstants.ATTEMPTS)).isEqualTo(3);
        assertThat(receiver.deliveries).hasSize(3);
        assertThat(receiver.deliveries)
                .extracting(d -> d.header(WebhookSignature.EVENT_ID_HEADER))
                .containsOnly(receiver.deliveries.get(0).header(WebhookSignature.EVENT_ID_HEADER));
        receiver.deliveries.forEach(d -> WebhookSignature.verify(
                d.body(), d.header(WebhookSignature.HEADER), SECRET, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    @Test
    void aThrottlingReceiversRetryAfterIsWaitedAndOneBeyondTheCapEndsTheSend() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver = new WebhookReceiver(() -> calls.incrementAndGet() == 1 ? 429 : 200, Map.of("Retry-After", "1"));
        notify.instances.put(NotifyInstances.webhook("acme", "hook", receiver.url(), Map.of()));

        long started = System.nanoTime();
        Exchange sent = send();

        assertThat(sent.getException()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the backoff is shorter; the receiver asked for 1 s")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(receiver.deliveries).hasSize(2);

        receiver.close();
        receiver = new WebhookReceiver(() -> 429, Map.of("Retry-After", "3600"));
        notify.instances.put(NotifyInstances.webhook("acme", "hook", receiver.url(), Map.of()));
        Exchange refused = send();

        assertThat(code(refused)).isEqualTo(NotifyErrorCode.NOTIFY_THROTTLED);
        assertThat(receiver.deliveries)
                .as("no retry: the caller's error handler decides")
                .hasSize(1);
    }

    @Test
    void retriesStopAtTheLimit() {
        receive(() -> 500, null);

        Exchange failed = send();

        assertThat(code(failed)).isEqualTo(NotifyErrorCode.NOTIFY_FAILED);
        assertThat(receiver.deliveries).hasSize(3);
    }

    @Test
    void aRefusalIsNotRetried() {
        receive(() -> 400, null);

        Exchange refused = send();
        assertThat(code(refused)).isEqualTo(NotifyErrorCode.NOTIFY_REJECTED);
        assertThat(receiver.deliveries).hasSize(1);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (WebhookReceiver internal = new WebhookReceiver(() -> 200, Map.of())) {
            receive(() -> 307, internal.url());

            assertThat(code(send())).isEqualTo(NotifyErrorCode.NOTIFY_REJECTED);
            assertThat(internal.deliveries)
                    .as("the redirect target is never called")
                    .isEmpty();
        }
    }

    @Test
    void anEndpointOffLoopbackMustBeHttpsAndCarryNoCredentials() {
        for (String url :
                new String[] {"http://hooks.example.com/x", "https://user:pw@hooks.example.com/x", "ftp://x/y"}) {
            notify.instances.put(
                    NotifyInstances.webhook("acme", "hook", url, Map.of(NotifyDefinitions.MAX_RETRIES, "0")));
            assertThat(code(send())).as(url).isIn(SpiErrorCode.CONFIG_INVALID);
        }
    }

    @Test
    void theSigningSecretNeverReachesLogsOrErrors() {
        receive(() -> 500, null);
        try (LogCapture logs = new LogCapture()) {
            Exchange failed = send();
            assertThat(logs.text()).doesNotContain(SECRET);
            assertThat(failed.getException().getMessage()).doesNotContain(SECRET);
        }
    }

    @Test
    void theHelperRefusesTamperingWrongSecretsAndReplays() {
        byte[] body = "{\"id\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.sign(body, SECRET, now);
        Clock clock = Clock.systemUTC();

        WebhookSignature.verify(body, header, SECRET, Duration.ofMinutes(5), clock);
        assertThatThrownBy(() -> WebhookSignature.verify(
                        "{\"id\":\"e2\"}".getBytes(StandardCharsets.UTF_8),
                        header,
                        SECRET,
                        Duration.ofMinutes(5),
                        clock))
                .hasMessage("no signature matches the body and secret");
        assertThatThrownBy(() -> WebhookSignature.verify(body, header, "other-secret", Duration.ofMinutes(5), clock))
                .hasMessage("no signature matches the body and secret");
        Clock later = Clock.fixed(Instant.ofEpochSecond(now + 600), ZoneOffset.UTC);
        assertThatThrownBy(() -> WebhookSignature.verify(body, header, SECRET, Duration.ofMinutes(5), later))
                .hasMessageStartingWith("timestamp outside the tolerance");
        assertThatThrownBy(() -> WebhookSignature.verify(body, null, SECRET, Duration.ofMinutes(5), clock))
                .hasMessage("no Conductor-Signature header");
        assertThatThrownBy(() -> WebhookSignature.verify(
                        body, header.replaceFirst("t=\\d+", "t=" + (now + 1)), SECRET, Duration.ofMinutes(5), clock))
                .as("the timestamp is signed too")
                .hasMessage("no signature matches the body and secret");
    }

    private void receive(java.util.function.IntSupplier status, String location) {
        try {
            receiver = new WebhookReceiver(status, location);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        notify.instances.put(
                NotifyInstances.webhook("acme", "hook", receiver.url(), Map.of(NotifyDefinitions.MAX_RETRIES, "2")));
    }

    private Exchange send() {
        return notify.call(
                "acme",
                "prod",
                "send",
                "hook",
                Map.of(NotifyConstants.EVENT, "adapter.down"),
                Map.of("instance", "ledger", "since", "2026-12-03T13:00:00Z"));
    }

    private static Object code(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(AdapterException.class);
        return ((AdapterException) exchange.getException()).code();
    }
}
