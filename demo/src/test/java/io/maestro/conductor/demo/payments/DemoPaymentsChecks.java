package io.maestro.conductor.demo.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.payments.billing.BillingRun;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.sandbox.stripe.WebhookDelivery;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The embedded default's demo Stripe account: the platform's billing instance points at it, a billing run invoices
 * every demo tenant there, and the account's signed webhook deliveries are taken in by the hub's intake.
 */
public abstract class DemoPaymentsChecks {

    @Autowired
    DemoStripe stripe;

    @Autowired
    Registry registry;

    @Autowired
    CamelContext camel;

    @Value("${conductor.billing.instance}")
    String billingInstance;

    @Test
    void aBillingRunInvoicesEveryDemoTenantAtTheDemoAccountAndItsWebhooksReachTheHub() throws Exception {
        String period = YearMonth.now(ZoneOffset.UTC).toString();

        BillingRun.Summary summary = camel.createProducerTemplate()
                .requestBodyAndHeader(
                        "direct:billing-run", null, "ConductorBillingPeriod", period, BillingRun.Summary.class);

        int tenants = registry.tenants().size();
        assertThat(billingInstance).isEqualTo("atlas/dev/billing");
        assertThat(registry.requireInstance("atlas", "dev", "billing")
                        .config()
                        .path("endpoint")
                        .asText())
                .isEqualTo(stripe.sandbox().apiBase().toString());
        assertThat(summary.invoiced()).isEqualTo(tenants);
        assertThat(stripe.sandbox().invoices()).hasSize(tenants);
        // customer.created and invoice.created per tenant (and whatever else the account emits), all taken in.
        List<WebhookDelivery> deliveries = stripe.sandbox().awaitWebhookDeliveries(2 * tenants, Duration.ofSeconds(30));
        assertThat(deliveries).extracting(WebhookDelivery::status).containsOnly(200);
    }
}
