package io.maestro.conductor.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage-based billing over plain HTTP, as Stripe documents it: a meter, a metered price backed by it, a
 * subscription, meter events, then a draft invoice whose line is the meter's aggregation, finalized and listed.
 */
class StripeSandboxBillingTest {

    private static final String KEY = "sk_test_51SandboxBillingKey00002";
    private static final long NOW = 1_780_000_000L;

    private StripeSandbox sandbox;
    private RawStripeHttp stripe;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start(KEY, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        stripe = RawStripeHttp.bearer(sandbox, KEY);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String create(String path, String form) {
        RawStripeHttp.Answer answer = stripe.post(path, form);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.body().path("id").asText();
    }

    /** customer, meter "api_calls" (sum), metered price 5 cents per call, subscription: ids in that order. */
    private String[] meteredSubscription() {
        String customer = create("/v1/customers", "name=Acme&email=billing%40acme.example");
        String meter = create(
                "/v1/billing/meters",
                "display_name=API+calls&event_name=api_calls"
                        + "&default_aggregation[formula]=sum&customer_mapping[event_payload_key]=stripe_customer_id"
                        + "&customer_mapping[type]=by_id&value_settings[event_payload_key]=value");
        String product = create("/v1/products", "name=Conductor+calls");
        String price = create(
                "/v1/prices",
                "currency=usd&unit_amount=5&product=" + product
                        + "&recurring[interval]=month&recurring[usage_type]=metered&recurring[meter]=" + meter);
        String subscription = create("/v1/subscriptions", "customer=" + customer + "&items[0][price]=" + price);
        return new String[] {customer, meter, price, subscription};
    }

    private RawStripeHttp.Answer meterEvent(String customer, String value, String identifier, long timestamp) {
        return stripe.post(
                "/v1/billing/meter_events",
                "event_name=api_calls&payload[stripe_customer_id]=" + customer + "&payload[value]=" + value
                        + "&identifier=" + identifier + "&timestamp=" + timestamp);
    }

    @Test
    void aMeteredSubscriptionIsActiveAndItsItemCarriesThePeriod() {
        String[] ids = meteredSubscription();

        JsonNode subscription = stripe.get("/v1/subscriptions/" + ids[3]).body();

        assertThat(subscription.path("status").asText()).isEqualTo("active");
        assertThat(subscription.path("customer").asText()).isEqualTo(ids[0]);
        JsonNode item = subscription.path("items").path("data").get(0);
        assertThat(item.path("object").asText()).isEqualTo("subscription_item");
        assertThat(item.path("price").path("id").asText()).isEqualTo(ids[2]);
        assertThat(item.path("price").path("recurring").path("meter").asText()).isEqualTo(ids[1]);
        assertThat(item.has("quantity")).isFalse();
        assertThat(item.path("current_period_start").asLong()).isEqualTo(NOW);
        assertThat(item.path("current_period_end").asLong()).isGreaterThan(NOW + 27 * 86_400);
    }

    @Test
    void aMeteredPriceNeedsAMeterAndAMeteredItemTakesNoQuantity() {
        String[] ids = meteredSubscription();
        String product = create("/v1/products", "name=Other");

        RawStripeHttp.Answer noMeter = stripe.post(
                "/v1/prices",
                "currency=usd&unit_amount=5&product=" + product
                        + "&recurring[interval]=month&recurring[usage_type]=metered");
        RawStripeHttp.Answer withQuantity = stripe.post(
                "/v1/subscriptions", "customer=" + ids[0] + "&items[0][price]=" + ids[2] + "&items[0][quantity]=3");

        assertThat(noMeter.status()).isEqualTo(400);
        assertThat(noMeter.errorParam()).isEqualTo("recurring[meter]");
        assertThat(withQuantity.status()).isEqualTo(400);
        assertThat(withQuantity.errorParam()).isEqualTo("items[0][quantity]");
    }

    @Test
    void meterEventsAreAcceptedOnceAndOnlyInsideTheTimestampWindow() {
        String customer = meteredSubscription()[0];

        RawStripeHttp.Answer accepted = meterEvent(customer, "25", "evt-1", NOW - 60);
        RawStripeHttp.Answer duplicate = meterEvent(customer, "25", "evt-1", NOW - 60);
        RawStripeHttp.Answer tooOld = meterEvent(customer, "1", "evt-2", NOW - 36 * 86_400);
        RawStripeHttp.Answer tooNew = meterEvent(customer, "1", "evt-3", NOW + 301);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("object").asText()).isEqualTo("billing.meter_event");
        assertThat(accepted.body().path("identifier").asText()).isEqualTo("evt-1");
        assertThat(accepted.body().path("payload").path("value").asText()).isEqualTo("25");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body().path("error").path("message").asText())
                .isEqualTo("An event already exists with identifier evt-1.");
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.errorParam()).isEqualTo("timestamp");
        assertThat(tooNew.status()).isEqualTo(400);
        assertThat(sandbox.meterEvents()).hasSize(1);
    }

    @Test
    void theMeterSummarySumsTheCustomersEventsInTheWindow() {
        String[] ids = meteredSubscription();
        String other = create("/v1/customers", "name=Other");
        meterEvent(ids[0], "10", "a", NOW - 120);
        meterEvent(ids[0], "2.5", "b", NOW - 60);
        meterEvent(other, "1000", "c", NOW - 60);
        meterEvent(ids[0], "7", "d", NOW - 3600);

        JsonNode summaries = stripe.get("/v1/billing/meters/" + ids[1] + "/event_summaries?customer=" + ids[0]
                        + "&start_time=" + (NOW - 600) + "&end_time=" + NOW)
                .body();

        assertThat(summaries.path("object").asText()).isEqualTo("list");
        JsonNode summary = summaries.path("data").get(0);
        assertThat(summary.path("object").asText()).isEqualTo("billing.meter_event_summary");
        assertThat(summary.path("aggregated_value").asDouble()).isEqualTo(12.5);
        assertThat(summary.path("meter").asText()).isEqualTo(ids[1]);
    }

    @Test
    void aDraftInvoiceForTheSubscriptionBillsTheAggregatedUsageOnce() {
        String[] ids = meteredSubscription();
        meterEvent(ids[0], "100", "u1", NOW - 300);
        meterEvent(ids[0], "20", "u2", NOW - 200);

        RawStripeHttp.Answer draft = stripe.post("/v1/invoices", "customer=" + ids[0] + "&subscription=" + ids[3]);
        RawStripeHttp.Answer next = stripe.post("/v1/invoices", "customer=" + ids[0] + "&subscription=" + ids[3]);

        assertThat(draft.status()).isEqualTo(200);
        JsonNode invoice = draft.body();
        assertThat(invoice.path("object").asText()).isEqualTo("invoice");
        assertThat(invoice.path("status").asText()).isEqualTo("draft");
        assertThat(invoice.path("number").isNull()).isTrue();
        assertThat(invoice.path("customer_email").asText()).isEqualTo("billing@acme.example");
        assertThat(invoice.path("parent")
                        .path("subscription_details")
                        .path("subscription")
                        .asText())
                .isEqualTo(ids[3]);
        JsonNode line = invoice.path("lines").path("data").get(0);
        assertThat(line.path("object").asText()).isEqualTo("line_item");
        assertThat(line.path("quantity").asLong()).isEqualTo(120);
        assertThat(line.path("amount").asLong()).isEqualTo(600);
        assertThat(line.path("pricing").path("price_details").path("price").asText())
                .isEqualTo(ids[2]);
        assertThat(invoice.path("amount_due").asLong()).isEqualTo(600);
        assertThat(invoice.path("total").asLong()).isEqualTo(600);
        assertThat(next.body().path("amount_due").asLong())
                .as("usage already billed")
                .isZero();
    }

    @Test
    void finalizingNumbersTheInvoiceOnceAndANothingDueInvoiceIsPaid() {
        String[] ids = meteredSubscription();
        meterEvent(ids[0], "3", "f1", NOW - 10);
        String owed = stripe.post("/v1/invoices", "customer=" + ids[0] + "&subscription=" + ids[3])
                .body()
                .path("id")
                .asText();
        String empty = stripe.post("/v1/invoices", "customer=" + ids[0])
                .body()
                .path("id")
                .asText();

        RawStripeHttp.Answer finalized = stripe.post("/v1/invoices/" + owed + "/finalize", "");
        RawStripeHttp.Answer again = stripe.post("/v1/invoices/" + owed + "/finalize", "");
        RawStripeHttp.Answer paid = stripe.post("/v1/invoices/" + empty + "/finalize", "");

        assertThat(finalized.status()).isEqualTo(200);
        assertThat(finalized.body().path("status").asText()).isEqualTo("open");
        assertThat(finalized.body().path("number").asText()).matches("[0-9A-F]{8}-0001");
        assertThat(finalized
                        .body()
                        .path("status_transitions")
                        .path("finalized_at")
                        .asLong())
                .isEqualTo(NOW);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorType()).isEqualTo("invalid_request_error");
        assertThat(paid.body().path("status").asText()).isEqualTo("paid");
        assertThat(paid.body().path("number").asText()).endsWith("-0002");
        assertThat(stripe.get("/v1/invoices/" + owed).body().path("status").asText())
                .isEqualTo("open");
    }

    @Test
    void invoicesAreListedNewestFirstPageByPage() {
        String[] ids = meteredSubscription();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(
                    0,
                    stripe.post("/v1/invoices", "customer=" + ids[0])
                            .body()
                            .path("id")
                            .asText());
        }
        create("/v1/invoices", "customer=" + create("/v1/customers", "name=Someone+else"));

        JsonNode first =
                stripe.get("/v1/invoices?customer=" + ids[0] + "&limit=2").body();
        String cursor = first.path("data").get(1).path("id").asText();
        JsonNode second = stripe.get("/v1/invoices?customer=" + ids[0] + "&limit=2&starting_after=" + cursor)
                .body();
        JsonNode last = stripe.get("/v1/invoices?customer=" + ids[0] + "&limit=2&starting_after="
                        + second.path("data").get(1).path("id").asText())
                .body();

        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 2));
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(ids(second)).containsExactlyElementsOf(created.subList(2, 4));
        assertThat(ids(last)).containsExactly(created.get(4));
        assertThat(last.path("has_more").asBoolean()).isFalse();
        assertThat(stripe.get("/v1/invoices?limit=101").status()).isEqualTo(400);
        assertThat(stripe.get("/v1/invoices?starting_after=in_unknown").status())
                .isEqualTo(404);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
