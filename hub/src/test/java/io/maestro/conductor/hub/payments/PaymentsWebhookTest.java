package io.maestro.conductor.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import io.maestro.conductor.sandbox.stripe.WebhookDelivery;
import io.maestro.conductor.sandbox.stripe.WebhookSignature;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stripe webhook intake on the hub: deliveries the Stripe sandbox signs and POSTs to the hub itself, and what an
 * attacker can send instead (forged, replayed, oversized, aimed at other or unknown tenants).
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentsWebhookTest extends HubIntegrationTest {

    private static final String KEY = "sk_test_51PaymentsWebhookHubKey0007";
    private static final String HOOKS = "/api/tenants/atlas/environments/dev/payments/webhooks";
    private static final String JSON = "application/json; charset=utf-8";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private MeterRegistry meters;

    private StripeSandbox sandbox;
    private StripeClient stripe;
    private String signingSecret;

    @BeforeEach
    void pointTheWebhookAtTheHub() throws StripeException {
        sandbox = StripeSandbox.start(KEY);
        stripe = StripeClient.builder()
                .setApiKey(KEY)
                .setApiBase(sandbox.apiBase().toString())
                .build();
        signingSecret = stripe.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl("http://127.0.0.1:" + port + HOOKS)
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
                        .build())
                .getSecret();
        Answer written = api.putJson(
                "/api/tenants/atlas/environments/dev/secrets/billing-webhook-secret",
                OPERATOR,
                operatorPassword(),
                Map.of("value", signingSecret));
        assertThat(written.status()).isEqualTo(204);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private WebhookDelivery deliveredCustomerCreated() throws StripeException, InterruptedException {
        stripe.v1()
                .customers()
                .create(CustomerCreateParams.builder().setName("Hooked").build());
        return sandbox.awaitWebhookDeliveries(1, Duration.ofSeconds(20)).get(0);
    }

    private int processedRows(String eventId) {
        return new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT COUNT(*) FROM payments_webhook_event WHERE tenant_id = 'atlas' AND event_id = ?",
                        Integer.class,
                        eventId);
    }

    private double refusedCount() {
        return meters.counter(WebhookIntake.METRIC, "outcome", "refused").count();
    }

    /** The problem without its {@code instance} member (the caller's own path, echoed). */
    private static String withoutInstance(Answer answer) {
        ObjectNode problem = (ObjectNode) answer.json();
        problem.remove("instance");
        return problem.toString();
    }

    @Test
    void aDeliveryStripeSignsIsTakenInOnceAndItsRedeliveryAcknowledged() throws Exception {
        WebhookDelivery delivered = deliveredCustomerCreated();
        sandbox.resend(delivered);
        List<WebhookDelivery> both = sandbox.awaitWebhookDeliveries(2, Duration.ofSeconds(20));

        assertThat(both).extracting(WebhookDelivery::status).containsExactly(200, 200);
        assertThat(processedRows(delivered.eventId())).isEqualTo(1);
        assertThat(meters.counter(WebhookIntake.METRIC, "outcome", "duplicate").count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void unknownTenantsEnvironmentsTenantsWithoutPaymentsAndBadSignaturesAllLookTheSame(CapturedOutput output)
            throws Exception {
        WebhookDelivery genuine = deliveredCustomerCreated();
        String forgedSignature = WebhookSignature.header(
                genuine.payload(), "whsec_guessed", Instant.now().getEpochSecond());
        double refusedBefore = refusedCount();

        List<Answer> refused = List.of(
                api.anonymousPost(HOOKS, JSON, genuine.payload(), "Stripe-Signature", forgedSignature),
                api.anonymousPost(HOOKS, JSON, genuine.payload()),
                api.anonymousPost(HOOKS, JSON, genuine.payload(), "Stripe-Signature", "t=1,v1=00"),
                api.anonymousPost(
                        "/api/tenants/nobody-here/environments/dev/payments/webhooks",
                        JSON,
                        genuine.payload(),
                        "Stripe-Signature",
                        genuine.signatureHeader()),
                api.anonymousPost(
                        "/api/tenants/atlas/environments/staging/payments/webhooks",
                        JSON,
                        genuine.payload(),
                        "Stripe-Signature",
                        genuine.signatureHeader()),
                api.anonymousPost(
                        "/api/tenants/lumen/environments/dev/payments/webhooks",
                        JSON,
                        genuine.payload(),
                        "Stripe-Signature",
                        genuine.signatureHeader()),
                api.anonymousPost(
                        "/api/tenants/atlas/environments/prod/payments/webhooks",
                        JSON,
                        genuine.payload(),
                        "Stripe-Signature",
                        genuine.signatureHeader()));

        assertThat(refused).extracting(Answer::status).containsOnly(400);
        assertThat(refused)
                .extracting(PaymentsWebhookTest::withoutInstance)
                .containsOnly(withoutInstance(refused.get(0)));
        assertThat(refused.get(0).json().path("code").asText()).isEqualTo("PAYMENTS_SIGNATURE_INVALID");
        assertThat(withoutInstance(refused.get(0))).doesNotContain("tolerance", "whsec_", "atlas", "lumen");
        assertThat(refusedCount() - refusedBefore).isEqualTo(7);
        assertThat(output.getAll()).doesNotContain(signingSecret);
    }

    @Test
    void aCapturedDeliveryReplayedAfterTheToleranceIsRefused() throws Exception {
        WebhookDelivery genuine = deliveredCustomerCreated();
        long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();
        String payload = genuine.payload().replace(genuine.eventId(), genuine.eventId() + "x");
        String oldSignature = WebhookSignature.header(payload, signingSecret, tenMinutesAgo);

        Answer replayed = api.anonymousPost(HOOKS, JSON, payload, "Stripe-Signature", oldSignature);

        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.json().path("code").asText()).isEqualTo("PAYMENTS_SIGNATURE_INVALID");
        assertThat(processedRows(genuine.eventId() + "x")).isZero();
    }

    @Test
    void aSignedBodyThatIsNoEventIsRefusedAsInvalid() {
        String signature = WebhookSignature.header(
                "{\"hello\": 1}", signingSecret, Instant.now().getEpochSecond());

        Answer answer = api.anonymousPost(HOOKS, JSON, "{\"hello\": 1}", "Stripe-Signature", signature);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("PAYMENTS_REQUEST_INVALID");
    }

    @Test
    void aBodyOverTheBoundIsRefusedBeforeItIsRead() {
        String huge = "{\"id\": \"evt_1\", \"padding\": \"" + "x".repeat(300 * 1024) + "\"}";
        String signature =
                WebhookSignature.header(huge, signingSecret, Instant.now().getEpochSecond());

        Answer answer = api.anonymousPost(HOOKS, JSON, huge, "Stripe-Signature", signature);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().path("code").asText()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void onlyPostIsOpenAndTheRestOfTheTenantApiStillNeedsALogin() {
        assertThat(api.anonymousGet(HOOKS).status()).isEqualTo(401);
        assertThat(api.anonymousGet("/api/tenants/atlas/billing/status").status())
                .isEqualTo(401);
        assertThat(api.anonymousPost(
                                "/api/tenants/atlas/environments/dev/secrets/billing-webhook-secret",
                                JSON,
                                "{\"value\": \"whsec_mine\"}")
                        .status())
                .isEqualTo(401);
    }
}
