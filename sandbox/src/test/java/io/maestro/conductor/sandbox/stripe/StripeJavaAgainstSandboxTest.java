package io.maestro.conductor.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.exception.TemporarySessionExpiredException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.Subscription;
import com.stripe.model.billing.Meter;
import com.stripe.model.billing.MeterEvent;
import com.stripe.model.v2.billing.MeterEventSession;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.billing.MeterCreateParams;
import com.stripe.param.billing.MeterEventCreateParams;
import com.stripe.param.v2.billing.MeterEventStreamCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's own Java client (33.3.0, API 2026-07-29.dahlia) against the sandbox, with the API base overridden. */
class StripeJavaAgainstSandboxTest {

    private static final String KEY = "sk_test_51SandboxStripeJavaKey004";

    private StripeSandbox sandbox;
    private StripeClient client;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start(KEY);
        client = clientWith(KEY);
    }

    private StripeClient clientWith(String key) {
        return StripeClient.builder()
                .setApiKey(key)
                .setApiBase(sandbox.apiBase().toString())
                .setMeterEventsBase(sandbox.apiBase().toString())
                .setMaxNetworkRetries(0)
                .build();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void meterEventsStreamThroughStripeJavasV2ClientWithASessionToken() throws StripeException {
        MeterEventSession session = client.v2().billing().meterEventSession().create();
        RequestOptions withToken = RequestOptions.builder()
                .setApiKey(session.getAuthenticationToken())
                .build();
        MeterEventStreamCreateParams.Builder params = MeterEventStreamCreateParams.builder();
        for (int i = 0; i < 100; i++) {
            params.addEvent(MeterEventStreamCreateParams.Event.builder()
                    .setEventName("api_calls")
                    .setIdentifier("idmp_java_" + i)
                    .setTimestamp(session.getCreated())
                    .putPayload("stripe_customer_id", "cus_java")
                    .putPayload("value", "3")
                    .build());
        }

        client.v2().billing().meterEventStream().create(params.build(), withToken);
        InvalidRequestException tooMany = catchThrowableOfType(
                () -> client.v2()
                        .billing()
                        .meterEventStream()
                        .create(
                                params.addEvent(MeterEventStreamCreateParams.Event.builder()
                                                .setEventName("api_calls")
                                                .putPayload("value", "1")
                                                .build())
                                        .build(),
                                withToken),
                InvalidRequestException.class);
        AuthenticationException withKey = catchThrowableOfType(
                () -> client.v2().billing().meterEventStream().create(params.build()), AuthenticationException.class);

        assertThat(session.getObject()).isEqualTo("v2.billing.meter_event_session");
        assertThat(Duration.between(session.getCreated(), session.getExpiresAt()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(sandbox.meterEvents()).hasSize(100);
        assertThat(tooMany.getStatusCode()).isEqualTo(400);
        assertThat(withKey.getStatusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredStreamSessionIsStripeJavasTemporarySessionExpiredException() {
        SettableClock clock = new SettableClock(Instant.now());
        sandbox.close();
        sandbox = StripeSandbox.start(KEY, clock);
        client = clientWith(KEY);

        TemporarySessionExpiredException expired = catchThrowableOfType(
                () -> {
                    MeterEventSession session =
                            client.v2().billing().meterEventSession().create();
                    clock.advance(Duration.ofMinutes(16));
                    client.v2()
                            .billing()
                            .meterEventStream()
                            .create(
                                    MeterEventStreamCreateParams.builder()
                                            .addEvent(MeterEventStreamCreateParams.Event.builder()
                                                    .setEventName("api_calls")
                                                    .putPayload("value", "1")
                                                    .build())
                                            .build(),
                                    RequestOptions.builder()
                                            .setApiKey(session.getAuthenticationToken())
                                            .build());
                },
                TemporarySessionExpiredException.class);

        assertThat(expired.getStatusCode()).isEqualTo(401);
        assertThat(expired.getCode()).isEqualTo("billing_meter_event_session_expired");
        assertThat(sandbox.meterEvents()).isEmpty();
    }

    @Test
    void usageBillingRoundTripsThroughStripeJava() throws StripeException {
        Customer customer = client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setName("Acme")
                        .setEmail("billing@acme.example")
                        .putMetadata("tenant", "acme")
                        .build());
        Meter meter = client.v1()
                .billing()
                .meters()
                .create(MeterCreateParams.builder()
                        .setDisplayName("Calls")
                        .setEventName("conductor_calls")
                        .setDefaultAggregation(MeterCreateParams.DefaultAggregation.builder()
                                .setFormula(MeterCreateParams.DefaultAggregation.Formula.SUM)
                                .build())
                        .build());
        Product product = client.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Calls").build());
        Price price = client.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setCurrency("usd")
                        .setUnitAmount(3L)
                        .setProduct(product.getId())
                        .setRecurring(PriceCreateParams.Recurring.builder()
                                .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                .setUsageType(PriceCreateParams.Recurring.UsageType.METERED)
                                .setMeter(meter.getId())
                                .build())
                        .build());
        Subscription subscription = client.v1()
                .subscriptions()
                .create(SubscriptionCreateParams.builder()
                        .setCustomer(customer.getId())
                        .addItem(SubscriptionCreateParams.Item.builder()
                                .setPrice(price.getId())
                                .build())
                        .build());
        MeterEvent event = client.v1()
                .billing()
                .meterEvents()
                .create(MeterEventCreateParams.builder()
                        .setEventName("conductor_calls")
                        .setIdentifier("acme-2026-12-1")
                        .putPayload("stripe_customer_id", customer.getId())
                        .putPayload("value", "40")
                        .build());
        Invoice draft = client.v1()
                .invoices()
                .create(
                        InvoiceCreateParams.builder()
                                .setCustomer(customer.getId())
                                .setSubscription(subscription.getId())
                                .build(),
                        RequestOptions.builder()
                                .setIdempotencyKey("acme:invoice:2026-12")
                                .build());
        Invoice finalized = client.v1().invoices().finalizeInvoice(draft.getId());
        Invoice retrieved = client.v1().invoices().retrieve(draft.getId());

        assertThat(customer.getMetadata()).containsEntry("tenant", "acme");
        assertThat(subscription.getStatus()).isEqualTo("active");
        assertThat(subscription
                        .getItems()
                        .getData()
                        .get(0)
                        .getPrice()
                        .getRecurring()
                        .getMeter())
                .isEqualTo(meter.getId());
        assertThat(event.getIdentifier()).isEqualTo("acme-2026-12-1");
        assertThat(draft.getStatus()).isEqualTo("draft");
        assertThat(draft.getLines().getData())
                .singleElement()
                .satisfies(line -> assertThat(line.getAmount()).isEqualTo(120L));
        assertThat(draft.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());
        assertThat(finalized.getStatus()).isEqualTo("open");
        assertThat(retrieved.getNumber()).isEqualTo(finalized.getNumber()).isNotBlank();
        assertThat(retrieved.getAmountDue()).isEqualTo(120L);
        assertThat(draft.getLastResponse().headers().firstValue("Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    }

    @Test
    void autoPagingWalksEveryInvoice() throws StripeException {
        Customer customer = client.v1()
                .customers()
                .create(CustomerCreateParams.builder().setName("Pages").build());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(
                    0,
                    client.v1()
                            .invoices()
                            .create(InvoiceCreateParams.builder()
                                    .setCustomer(customer.getId())
                                    .build())
                            .getId());
        }

        List<String> listed = new ArrayList<>();
        client.v1()
                .invoices()
                .list(InvoiceListParams.builder()
                        .setCustomer(customer.getId())
                        .setLimit(3L)
                        .build())
                .autoPagingIterable()
                .forEach(invoice -> listed.add(invoice.getId()));

        assertThat(listed).containsExactlyElementsOf(created);
        assertThat(sandbox.requests())
                .filteredOn(request -> request.method().equals("GET"))
                .hasSize(3);
    }

    @Test
    void stripeErrorsBecomeStripeJavasExceptions() {
        InvalidRequestException missing = catchThrowableOfType(
                () -> client.v1().customers().retrieve("cus_missing"), InvalidRequestException.class);
        AuthenticationException refused = catchThrowableOfType(
                () -> clientWith("sk_test_wrongwrongwrong").v1().customers().retrieve("cus_x"),
                AuthenticationException.class);
        sandbox.injectFaults(Fault.RATE_LIMITED);
        RateLimitException limited = catchThrowableOfType(
                () -> client.v1()
                        .customers()
                        .create(CustomerCreateParams.builder().setName("R").build()),
                RateLimitException.class);

        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(missing.getCode()).isEqualTo("resource_missing");
        assertThat(missing.getParam()).isEqualTo("id");
        assertThat(missing.getRequestId()).startsWith("req_");
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(limited.getStatusCode()).isEqualTo(429);
        assertThat(limited.getCode()).isEqualTo("rate_limit");
    }

    @Test
    void anIdempotencyKeyReusedWithOtherParametersIsStripeJavasIdempotencyException() throws StripeException {
        RequestOptions key = RequestOptions.builder()
                .setIdempotencyKey("acme:create_customer:42")
                .build();
        Customer first = client.v1()
                .customers()
                .create(CustomerCreateParams.builder().setName("A").build(), key);
        Customer replayed = client.v1()
                .customers()
                .create(CustomerCreateParams.builder().setName("A").build(), key);

        IdempotencyException mismatch = catchThrowableOfType(
                () -> client.v1()
                        .customers()
                        .create(CustomerCreateParams.builder().setName("B").build(), key),
                IdempotencyException.class);

        assertThat(replayed.getId()).isEqualTo(first.getId());
        assertThat(mismatch.getStatusCode()).isEqualTo(400);
        assertThat(sandbox.customers()).hasSize(1);
    }

    /**
     * The JDK's HttpURLConnection (stripe-java's transport) itself resends a POST once when a kept-alive connection
     * closes without an answer; either way the second attempt carries the same key and is answered by a replay.
     */
    @Test
    void aLostResponseIsRetriedWithTheSameKeyAndAnsweredByAReplay() throws StripeException {
        RequestOptions key = RequestOptions.builder()
                .setIdempotencyKey("acme:create_customer:7")
                .build();
        CustomerCreateParams params =
                CustomerCreateParams.builder().setName("Once").build();
        sandbox.injectFaults(Fault.RESPONSE_LOST);

        Customer customer;
        try {
            customer = client.v1().customers().create(params, key);
        } catch (ApiConnectionException lost) {
            customer = client.v1().customers().create(params, key);
        }

        String id = customer.getId();
        assertThat(sandbox.customers())
                .singleElement()
                .satisfies(stored -> assertThat(stored.path("id").asText()).isEqualTo(id));
        assertThat(sandbox.requests())
                .extracting(RecordedRequest::status, RecordedRequest::replayed, RecordedRequest::idempotencyKey)
                .containsExactly(
                        tuple(-1, false, "acme:create_customer:7"), tuple(200, true, "acme:create_customer:7"));
    }

    @Test
    void webhooksAreSignedSoThatStripeJavaVerifiesThem() throws Exception {
        BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[] {
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Stripe-Signature")
            });
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String secret = client.v1()
                    .webhookEndpoints()
                    .create(WebhookEndpointCreateParams.builder()
                            .setUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                            .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
                            .build())
                    .getSecret();
            Customer customer = client.v1()
                    .customers()
                    .create(CustomerCreateParams.builder().setName("W").build());

            String[] delivery = received.poll(10, TimeUnit.SECONDS);

            assertThat(delivery).isNotNull();
            Event event = Webhook.constructEvent(delivery[0], delivery[1], secret);
            assertThat(event.getType()).isEqualTo("customer.created");
            assertThat(((Customer) event.getDataObjectDeserializer().getObject().orElseThrow()).getId())
                    .isEqualTo(customer.getId());
            assertThat(catchThrowableOfType(
                            () -> Webhook.constructEvent(delivery[0], delivery[1], "whsec_other"),
                            com.stripe.exception.SignatureVerificationException.class))
                    .isNotNull();
            assertThat(Duration.ofSeconds(Webhook.DEFAULT_TOLERANCE)).isPositive();
        } finally {
            receiver.stop(0);
        }
    }
}
