package io.maestro.conductor.demo.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.WebhookEndpointCreateParams;
import io.maestro.conductor.demo.DemoSecrets;
import io.maestro.conductor.payments.MeteredPrice;
import io.maestro.conductor.payments.PaymentsDefinitions;
import io.maestro.conductor.registry.Actor;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.AdapterInstance;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sets the demo Stripe account up as an operator sets up Stripe once, at every start (the sandbox starts empty): a
 * billing meter and a metered price (1 cent a unit) the billing instance subscribes tenants to, a webhook endpoint
 * pointing at this hub's intake, and their key, signing secret and price in the billing instance (an update and a
 * secret rotation with receipts, since each start is a new account). The billing accounts the previous start made
 * belong to a Stripe account that is gone, so they are forgotten; billed periods stay billed.
 */
public class DemoPaymentsSetup {

    static final Actor ACTOR = Actor.system("demo-payments");
    static final String METER_EVENT = "conductor_calls";
    private static final Logger LOG = LoggerFactory.getLogger(DemoPaymentsSetup.class);

    private final Registry registry;
    private final DemoStripe stripe;
    private final DemoPaymentsProperties demo;
    private final DataSource dataSource;

    public DemoPaymentsSetup(Registry registry, DemoStripe stripe, DemoPaymentsProperties demo, DataSource dataSource) {
        this.registry = registry;
        this.stripe = stripe;
        this.demo = demo;
        this.dataSource = dataSource;
    }

    @EventListener
    public void run(ApplicationReadyEvent ready) throws StripeException {
        AdapterInstance billing = registry.instance(demo.tenant(), demo.environment(), demo.instance())
                .orElse(null);
        if (billing == null) {
            LOG.info(
                    "event=demo_payments_skipped reason=\"no billing instance {}/{}/{}\"",
                    demo.tenant(),
                    demo.environment(),
                    demo.instance());
            return;
        }
        int port = ((WebServerApplicationContext) ready.getApplicationContext())
                .getWebServer()
                .getPort();
        String price = MeteredPrice.create(stripe.sandbox(), stripe.key(), METER_EVENT, 1L);
        String signingSecret = StripeClient.builder()
                .setApiKey(stripe.key())
                .setApiBase(stripe.sandbox().apiBase().toString())
                .build()
                .v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl("http://127.0.0.1:" + port + "/api/tenants/" + demo.tenant() + "/environments/"
                                + demo.environment() + "/payments/webhooks")
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL)
                        .build())
                .getSecret();
        JsonNode config = billing.config();
        DemoSecrets.put(
                registry,
                ACTOR,
                billing,
                config.path(PaymentsDefinitions.API_KEY).asText(),
                stripe.key());
        DemoSecrets.put(
                registry,
                ACTOR,
                billing,
                config.path(PaymentsDefinitions.WEBHOOK_SECRET).asText(),
                signingSecret);
        ObjectNode pointed = config.deepCopy();
        pointed.put(PaymentsDefinitions.API_BASE, stripe.sandbox().apiBase().toString())
                .put(PaymentsDefinitions.PRICE_ID, price)
                .put(PaymentsDefinitions.METER_EVENT_NAME, METER_EVENT);
        registry.update(
                ACTOR,
                billing.tenant(),
                billing.environment(),
                billing.name(),
                new UpdateRequest(billing.configVersion(), pointed, null, null));
        int forgotten = new JdbcTemplate(dataSource).update("DELETE FROM billing_account");
        LOG.info(
                "event=demo_payments_ready instance={}/{}/{} stripe={} forgotten_billing_accounts={}",
                billing.tenant(),
                billing.environment(),
                billing.name(),
                stripe.sandbox().apiBase(),
                forgotten);
    }
}
