package io.maestro.conductor.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.sandbox.stripe.WebhookSignature;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The payments adapter's secrets (the Stripe API key, the webhook signing secret) and its customers' personal data
 * (names, e-mail addresses) appear in no log line, receipt, metric or API response of the hub, whatever the calls
 * did: a customer created with a name and e-mail, a billing run, a forged and a genuine webhook delivery.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentsLeakTest extends BillingHub {

    @Autowired
    private MeterRegistry meters;

    private static final String WEBHOOK_SECRET = "whsec_LeakCanary0123456789abcdefABCDEF";
    private static final String EMAIL = "jane.canary@example.org";
    private static final String NAME = "Jane Canarywoman";

    @Test
    void noSecretAndNoPersonalDataLeavesTheHub(CapturedOutput output) {
        Api api = new Api(port);
        String password = operatorPassword();
        String dev = "/api/tenants/atlas/environments/dev";
        assertThat(api.putJson(
                                dev + "/secrets/billing-webhook-secret",
                                "operator",
                                password,
                                Map.of("value", WEBHOOK_SECRET))
                        .status())
                .isEqualTo(204);
        camel.createProducerTemplate()
                .requestBodyAndHeaders(
                        "payments:create_customer?instance=billing",
                        Map.of("email", EMAIL, "name", NAME),
                        Map.of(
                                AdapterHeaders.TENANT,
                                "atlas",
                                AdapterHeaders.ENVIRONMENT,
                                "dev",
                                "CamelConductorPaymentsBusinessKey",
                                "leak-canary"));
        camel.createProducerTemplate()
                .requestBodyAndHeader("direct:billing-run", null, BillingSyncService.PERIOD_HEADER, PERIOD.toString());
        String event = "{\"id\":\"evt_leak\",\"object\":\"event\",\"type\":\"customer.updated\",\"data\":{\"object\":"
                + "{\"id\":\"cus_1\",\"object\":\"customer\",\"email\":\"" + EMAIL + "\",\"name\":\"" + NAME + "\"}}}";
        String hooks = dev + "/payments/webhooks";
        long now = Instant.now().getEpochSecond();
        Api.Answer genuine = api.anonymousPost(
                hooks,
                "application/json",
                event,
                "Stripe-Signature",
                WebhookSignature.header(event, WEBHOOK_SECRET, now));
        Api.Answer forged = api.anonymousPost(
                hooks, "application/json", event, "Stripe-Signature", WebhookSignature.header(event, "whsec_x", now));
        recorder.flush();

        List<Api.Answer> answers = List.of(
                genuine,
                forged,
                api.get("/api/tenants/atlas/receipts?limit=1000", "operator", password),
                api.get(dev + "/adapters/billing", "operator", password),
                api.get("/api/tenants/atlas/billing/status", "operator", password),
                api.get("/actuator/health", "operator", password));

        assertThat(genuine.status()).isEqualTo(200);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(answers.get(3).body()).contains("secret:billing-api-key", "secret:billing-webhook-secret");
        String metrics = meters.getMeters().stream()
                .map(meter -> meter.getId().toString())
                .collect(Collectors.joining("\n"));
        assertThat(metrics).contains(WebhookIntake.METRIC, "billing");
        for (String leak : List.of(KEY, WEBHOOK_SECRET, EMAIL, NAME)) {
            assertThat(output.getAll()).as("log").doesNotContain(leak);
            assertThat(metrics).as("metrics").doesNotContain(leak);
            assertThat(answers)
                    .allSatisfy(
                            answer -> assertThat(answer.body()).as("response").doesNotContain(leak));
        }
    }
}
