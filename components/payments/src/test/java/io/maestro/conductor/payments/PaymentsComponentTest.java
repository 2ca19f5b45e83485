package io.maestro.conductor.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.StripeException;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.testing.AllowAllGate;
import io.maestro.conductor.adapter.testing.InMemoryInstanceResolver;
import io.maestro.conductor.adapter.testing.InMemorySecretResolver;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every {@code payments:} operation through Camel against the Stripe sandbox, state asserted on the sandbox. */
class PaymentsComponentTest {

    private static final String KEY = "sk_test_51ComponentTestKey00000042";

    private StripeSandbox sandbox;
    private DefaultCamelContext camel;
    private ProducerTemplate template;
    private final InMemoryInstanceResolver instances = new InMemoryInstanceResolver();
    private final InMemorySecretResolver secrets = new InMemorySecretResolver();

    @BeforeEach
    void start() throws StripeException {
        sandbox = StripeSandbox.start(KEY);
        String price = MeteredPrice.create(sandbox, KEY, "conductor_calls", 3L);
        for (String tenant : new String[] {"acme", "globex"}) {
            secrets.put(tenant, "prod", "stripe-key", KEY);
            instances.put(new ResolvedInstance(
                    new InstanceRef(tenant, "prod", "billing"),
                    PaymentsComponent.CATEGORY,
                    PaymentsComponent.BACKEND_STRIPE,
                    1,
                    "eu-west-1",
                    "high",
                    "confidential",
                    Map.of(
                            PaymentsDefinitions.API_KEY,
                            "secret:stripe-key",
                            PaymentsDefinitions.API_BASE,
                            sandbox.apiBase().toString(),
                            PaymentsDefinitions.PRICE_ID,
                            price,
                            PaymentsDefinitions.METER_EVENT_NAME,
                            "conductor_calls")));
        }
        PaymentsComponent payments = new PaymentsComponent();
        payments.setInstanceResolver(instances);
        payments.setSecretResolver(secrets);
        payments.setGovernanceGate(new AllowAllGate());
        camel = new DefaultCamelContext();
        camel.addComponent("payments", payments);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        sandbox.close();
    }

    private Exchange call(String tenant, String operation, Map<String, Object> headers, Object body) {
        return template.request("payments:" + operation + "?instance=billing", exchange -> {
            Map<String, Object> all = new HashMap<>(headers);
            all.put(AdapterHeaders.TENANT, tenant);
            all.put(AdapterHeaders.ENVIRONMENT, "prod");
            exchange.getMessage().setHeaders(all);
            exchange.getMessage().setBody(body);
        });
    }

    private static String header(Exchange exchange, String name) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(name, String.class);
    }

    @Test
    void aCustomerIsSubscribedBilledForUsageAndInvoiced() {
        Exchange customer = call(
                "acme",
                "create_customer",
                Map.of(PaymentsConstants.BUSINESS_KEY, "acme-account"),
                Map.of("email", "billing@acme.example", "name", "Acme Ltd", "metadata", Map.of("plan", "pro")));
        String customerId = header(customer, PaymentsConstants.CUSTOMER_ID);
        Exchange subscription = call(
                "acme",
                "create_subscription",
                Map.of(PaymentsConstants.BUSINESS_KEY, "acme-plan", PaymentsConstants.CUSTOMER_ID, customerId),
                null);
        String subscriptionId = header(subscription, PaymentsConstants.SUBSCRIPTION_ID);
        Exchange usage = call(
                "acme",
                "record_usage",
                Map.of(
                        PaymentsConstants.BUSINESS_KEY,
                        "acme-2026-12-03",
                        PaymentsConstants.CUSTOMER_ID,
                        customerId,
                        PaymentsConstants.QUANTITY,
                        "250"),
                null);
        Exchange draft = call(
                "acme",
                "invoice",
                Map.of(
                        PaymentsConstants.BUSINESS_KEY,
                        "acme-2026-12",
                        PaymentsConstants.CUSTOMER_ID,
                        customerId,
                        PaymentsConstants.SUBSCRIPTION_ID,
                        subscriptionId),
                null);
        String invoiceId = header(draft, PaymentsConstants.INVOICE_ID);
        Exchange finalized = call(
                "acme",
                "invoice",
                Map.of(PaymentsConstants.INVOICE_STEP, "finalize", PaymentsConstants.INVOICE_ID, invoiceId),
                null);
        Exchange read = call("acme", "get_invoice", Map.of(PaymentsConstants.INVOICE_ID, invoiceId), null);

        assertThat(header(usage, PaymentsConstants.REQUEST_ID)).startsWith("req_");
        assertThat(header(draft, PaymentsConstants.INVOICE_STATUS)).isEqualTo("draft");
        assertThat(header(finalized, PaymentsConstants.INVOICE_STATUS)).isEqualTo("open");
        assertThat(header(read, PaymentsConstants.INVOICE_STATUS)).isEqualTo("open");
        assertThat(read.getMessage().getBody(String.class)).contains("\"amount_due\": 750");
        assertThat(sandbox.customers()).singleElement().satisfies(stored -> {
            assertThat(stored.path("email").asText()).isEqualTo("billing@acme.example");
            assertThat(stored.path("metadata").path("plan").asText()).isEqualTo("pro");
        });
        assertThat(sandbox.meterEvents())
                .singleElement()
                .satisfies(event ->
                        assertThat(event.path("payload").path("value").asText()).isEqualTo("250"));
    }

    @Test
    void aReplayedExchangeIsTheSameCallAtStripeAndChargesOnce() {
        Map<String, Object> customerHeaders =
                Map.of(PaymentsConstants.BUSINESS_KEY, "acme-account", AdapterHeaders.CORRELATION_ID, "first-try");
        Map<String, Object> replayHeaders =
                Map.of(PaymentsConstants.BUSINESS_KEY, "acme-account", AdapterHeaders.CORRELATION_ID, "redelivery");
        String customerId = header(
                call("acme", "create_customer", customerHeaders, Map.of("name", "Acme Ltd")),
                PaymentsConstants.CUSTOMER_ID);
        String replayedId = header(
                call("acme", "create_customer", replayHeaders, Map.of("name", "Acme Ltd")),
                PaymentsConstants.CUSTOMER_ID);
        Map<String, Object> usage = Map.of(
                PaymentsConstants.BUSINESS_KEY,
                "acme-2026-12-03",
                PaymentsConstants.CUSTOMER_ID,
                customerId,
                PaymentsConstants.QUANTITY,
                "250");
        Exchange recorded = call("acme", "record_usage", usage, null);
        Exchange replayedUsage = call("acme", "record_usage", usage, null);

        assertThat(replayedId).isEqualTo(customerId);
        assertThat(recorded.getException()).isNull();
        assertThat(replayedUsage.getException()).isNull();
        assertThat(sandbox.customers()).hasSize(1);
        assertThat(sandbox.meterEvents()).hasSize(1);
    }

    @Test
    void aWriteWithoutABusinessKeyIsRefusedAndSendsNothing() {
        Exchange refused = call("acme", "create_customer", Map.of(), Map.of("name", "Nobody"));

        assertThat(refused.getException()).isInstanceOf(PaymentsException.class);
        assertThat(((PaymentsException) refused.getException()).code())
                .isEqualTo(PaymentsErrorCode.PAYMENTS_REQUEST_INVALID);
        assertThat(sandbox.customers()).isEmpty();
    }

    @Test
    void anotherTenantCannotReadTheInvoice() {
        String customerId = header(
                call("acme", "create_customer", Map.of(PaymentsConstants.BUSINESS_KEY, "a"), null),
                PaymentsConstants.CUSTOMER_ID);
        String invoiceId = header(
                call(
                        "acme",
                        "invoice",
                        Map.of(PaymentsConstants.BUSINESS_KEY, "2026-12", PaymentsConstants.CUSTOMER_ID, customerId),
                        null),
                PaymentsConstants.INVOICE_ID);

        Exchange foreign = call("globex", "get_invoice", Map.of(PaymentsConstants.INVOICE_ID, invoiceId), null);

        assertThat(foreign.getException()).isInstanceOf(PaymentsException.class);
        assertThat(((PaymentsException) foreign.getException()).code()).isEqualTo(PaymentsErrorCode.PAYMENTS_NOT_FOUND);
        assertThat(foreign.getMessage().getBody()).isNull();
    }

    @Test
    void anUnknownInvoiceStepOrOperationIsRefused() {
        Exchange step = call("acme", "invoice", Map.of(PaymentsConstants.INVOICE_STEP, "void"), null);
        Exchange operation = call("acme", "get_invoice", Map.of(PaymentsConstants.OPERATION, "refund"), null);
        Exchange quantity = call(
                "acme",
                "record_usage",
                Map.of(
                        PaymentsConstants.BUSINESS_KEY,
                        "u",
                        PaymentsConstants.CUSTOMER_ID,
                        "cus_x",
                        PaymentsConstants.QUANTITY,
                        "lots"),
                null);

        assertThat(((PaymentsException) step.getException()).code())
                .isEqualTo(PaymentsErrorCode.PAYMENTS_REQUEST_INVALID);
        assertThat(((AdapterException) operation.getException()).code()).isEqualTo(SpiErrorCode.OPERATION_INVALID);
        assertThat(((PaymentsException) quantity.getException()).code())
                .isEqualTo(PaymentsErrorCode.PAYMENTS_REQUEST_INVALID);
        assertThat(sandbox.meterEvents()).isEmpty();
    }

    @Test
    void anApiBaseInPlainHttpOffLoopbackIsAConfigError() {
        instances.put(new ResolvedInstance(
                new InstanceRef("acme", "prod", "billing"),
                PaymentsComponent.CATEGORY,
                PaymentsComponent.BACKEND_STRIPE,
                2,
                "eu-west-1",
                "high",
                "confidential",
                Map.of(
                        PaymentsDefinitions.API_KEY,
                        "secret:stripe-key",
                        PaymentsDefinitions.API_BASE,
                        "http://stripe.example.com")));

        Exchange refused = call("acme", "get_invoice", Map.of(PaymentsConstants.INVOICE_ID, "in_x"), null);

        assertThat(((AdapterException) refused.getException()).code()).isEqualTo(SpiErrorCode.CONFIG_INVALID);
        assertThat(sandbox.requests()).hasSize(3);
    }
}
