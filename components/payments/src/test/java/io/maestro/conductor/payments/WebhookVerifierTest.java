package io.maestro.conductor.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.registry.support.TestDatabase;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import io.maestro.conductor.sandbox.stripe.WebhookDelivery;
import io.maestro.conductor.sandbox.stripe.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries signed by the Stripe sandbox, received over HTTP, verified by {@link WebhookVerifier}. */
class WebhookVerifierTest {

    private static final String KEY = "sk_test_51WebhookVerifierKey00042";

    private StripeSandbox sandbox;
    private HttpServer receiver;
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    private Secret secret;
    private final List<String> handled = new ArrayList<>();

    @TempDir
    Path directory;

    private TestDatabase database;
    private HikariDataSource dataSource;

    @BeforeEach
    void start() throws IOException, StripeException {
        database = TestDatabase.h2(directory);
        dataSource = MigratedDatabase.migrate(database.open());
        sandbox = StripeSandbox.start(KEY);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[] {
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Stripe-Signature")
            });
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        StripeClient client = StripeClient.builder()
                .setApiKey(KEY)
                .setApiBase(sandbox.apiBase().toString())
                .build();
        secret = new Secret(client.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
                        .build())
                .getSecret());
        client.v1()
                .customers()
                .create(CustomerCreateParams.builder().setName("Hooked").build());
    }

    @AfterEach
    void stop() throws SQLException {
        receiver.stop(0);
        sandbox.close();
        dataSource.close();
        database.close();
    }

    private String[] nextDelivery() throws InterruptedException {
        String[] delivery = received.poll(10, TimeUnit.SECONDS);
        assertThat(delivery).as("a webhook delivery").isNotNull();
        return delivery;
    }

    private WebhookVerifier verifierAt(Clock clock) {
        return WebhookVerifier.withDefaults(clock, new SqlProcessedWebhookEvents(dataSource, clock));
    }

    @Test
    void aSignedDeliveryIsProcessedAndItsRedeliveryOnlyOnce() throws InterruptedException {
        WebhookVerifier verifier = verifierAt(Clock.systemUTC());
        String[] first = nextDelivery();
        WebhookDelivery sent =
                sandbox.awaitWebhookDeliveries(1, Duration.ofSeconds(10)).get(0);
        sandbox.resend(sent);
        String[] again = nextDelivery();

        WebhookVerifier.Outcome once =
                verifier.receive("acme", "prod", first[0], first[1], secret, event -> handled.add(event.getType()));
        WebhookVerifier.Outcome twice =
                verifier.receive("acme", "prod", again[0], again[1], secret, event -> handled.add(event.getType()));

        assertThat(once).isEqualTo(WebhookVerifier.Outcome.PROCESSED);
        assertThat(twice).isEqualTo(WebhookVerifier.Outcome.DUPLICATE);
        assertThat(handled).containsExactly("customer.created");
        assertThat(again[1]).as("a resend is signed afresh").isNotNull();
    }

    @Test
    void anOldDeliveryReplayedLaterIsRefused() throws InterruptedException {
        String[] delivery = nextDelivery();
        Clock tenMinutesLater = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));

        PaymentsException refused = catchThrowableOfType(
                () -> verifierAt(tenMinutesLater)
                        .receive("acme", "prod", delivery[0], delivery[1], secret, event -> handled.add(event.getId())),
                PaymentsException.class);

        assertThat(refused.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_SIGNATURE_INVALID);
        assertThat(refused.getMessage()).contains("tolerance");
        assertThat(handled).isEmpty();
    }

    @Test
    void aWrongSecretAMissingHeaderOrAnAlteredBodyIsRefused() throws InterruptedException {
        String[] delivery = nextDelivery();
        WebhookVerifier verifier = verifierAt(Clock.systemUTC());

        List<PaymentsException> refusals = List.of(
                catchThrowableOfType(
                        () -> verifier.receive(
                                "acme",
                                "prod",
                                delivery[0],
                                delivery[1],
                                new Secret("whsec_other"),
                                event -> handled.add(event.getId())),
                        PaymentsException.class),
                catchThrowableOfType(
                        () -> verifier.receive(
                                "acme", "prod", delivery[0], null, secret, event -> handled.add(event.getId())),
                        PaymentsException.class),
                catchThrowableOfType(
                        () -> verifier.receive(
                                "acme",
                                "prod",
                                delivery[0].replace("customer.created", "invoice.paid"),
                                delivery[1],
                                secret,
                                event -> handled.add(event.getId())),
                        PaymentsException.class));

        assertThat(refusals)
                .extracting(PaymentsException::code)
                .containsOnly(PaymentsErrorCode.PAYMENTS_SIGNATURE_INVALID);
        assertThat(refusals).allSatisfy(error -> assertThat(error.getMessage()).doesNotContain(secret.reveal()));
        assertThat(handled).isEmpty();
    }

    @Test
    void aHandlerThatFailsLeavesTheEventForStripesRetry() throws InterruptedException {
        String[] delivery = nextDelivery();
        WebhookVerifier verifier = verifierAt(Clock.systemUTC());

        catchThrowableOfType(
                () -> verifier.receive("acme", "prod", delivery[0], delivery[1], secret, event -> {
                    throw new IllegalStateException("database down");
                }),
                IllegalStateException.class);
        WebhookVerifier.Outcome retried =
                verifier.receive("acme", "prod", delivery[0], delivery[1], secret, event -> handled.add(event.getId()));

        assertThat(retried).isEqualTo(WebhookVerifier.Outcome.PROCESSED);
        assertThat(handled).hasSize(1);
    }

    @Test
    void theSameEventIdIsSeparatePerTenantAndEnvironment() throws InterruptedException {
        String[] delivery = nextDelivery();
        WebhookVerifier verifier = verifierAt(Clock.systemUTC());

        List<WebhookVerifier.Outcome> outcomes = List.of(
                verifier.receive("acme", "prod", delivery[0], delivery[1], secret, event -> handled.add("a")),
                verifier.receive("acme", "dev", delivery[0], delivery[1], secret, event -> handled.add("b")),
                verifier.receive("globex", "prod", delivery[0], delivery[1], secret, event -> handled.add("c")));

        assertThat(outcomes).containsOnly(WebhookVerifier.Outcome.PROCESSED);
        assertThat(handled).containsExactly("a", "b", "c");
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsAnInvalidRequest() {
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header("not json", secret.reveal(), now);

        PaymentsException refused = catchThrowableOfType(
                () -> verifierAt(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
                        .receive("acme", "prod", "not json", header, secret, event -> handled.add("x")),
                PaymentsException.class);

        assertThat(refused.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_REQUEST_INVALID);
        assertThat(handled).isEmpty();
    }

    @Test
    void processedIdsSurviveARestartAndAreForgottenAfterTheRetention() {
        Instant start = Instant.parse("2026-12-03T10:00:00Z");
        SqlProcessedWebhookEvents ids = new SqlProcessedWebhookEvents(dataSource, Clock.fixed(start, ZoneOffset.UTC));
        ids.claim("acme", "prod", "evt_1");
        SqlProcessedWebhookEvents afterRestart =
                new SqlProcessedWebhookEvents(dataSource, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC));

        boolean claimedAgain = afterRestart.claim("acme", "prod", "evt_1");
        int forgotten = afterRestart.forgetBefore(start.plusSeconds(1));
        boolean claimedAfterForgetting = afterRestart.claim("acme", "prod", "evt_1");

        assertThat(claimedAgain).isFalse();
        assertThat(forgotten).isEqualTo(1);
        assertThat(claimedAfterForgetting).isTrue();
    }
}
