package io.maestro.conductor.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every object the sandbox answers with has exactly the fields of Stripe's published example of that type
 * ({@code ../shared/stripe/fixtures3.json}, Stripe's own mock data), and each field it fills has the same JSON kind.
 */
class StripeSandboxFixtureShapeTest {

    private static final String KEY = "sk_test_51SandboxShapeKey0000003";
    private static JsonNode fixtures;
    private static StripeSandbox sandbox;
    private static RawStripeHttp stripe;

    @BeforeAll
    static void start() throws IOException {
        fixtures = new ObjectMapper()
                .readTree(Path.of(System.getProperty("stripe.fixtures")).toFile())
                .path("resources");
        sandbox = StripeSandbox.start(KEY);
        stripe = RawStripeHttp.bearer(sandbox, KEY);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static JsonNode ok(RawStripeHttp.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void everyObjectHasTheFieldsOfStripesExample() {
        JsonNode customer = ok(stripe.post("/v1/customers", "name=Shape&email=shape%40example.com"));
        String customerId = customer.path("id").asText();
        JsonNode meter = ok(stripe.post(
                "/v1/billing/meters", "display_name=Calls&event_name=calls" + "&default_aggregation[formula]=sum"));
        JsonNode product = ok(stripe.post("/v1/products", "name=Plan"));
        JsonNode metered = ok(stripe.post(
                "/v1/prices",
                "currency=usd&unit_amount=2&product=" + product.path("id").asText()
                        + "&recurring[interval]=month&recurring[usage_type]=metered&recurring[meter]="
                        + meter.path("id").asText()));
        JsonNode licensed = ok(stripe.post(
                "/v1/prices",
                "currency=usd&unit_amount=2000&product=" + product.path("id").asText() + "&recurring[interval]=month"));
        JsonNode subscription = ok(stripe.post(
                "/v1/subscriptions",
                "customer=" + customerId
                        + "&collection_method=send_invoice&days_until_due=30&items[0][price]="
                        + licensed.path("id").asText()
                        + "&items[1][price]=" + metered.path("id").asText()));
        JsonNode meterEvent = ok(stripe.post(
                "/v1/billing/meter_events",
                "event_name=calls&payload[value]=4" + "&payload[stripe_customer_id]=" + customerId));
        long now = Instant.now().getEpochSecond();
        JsonNode summary = ok(stripe.get(
                        "/v1/billing/meters/" + meter.path("id").asText() + "/event_summaries?customer=" + customerId
                                + "&start_time=" + (now - 60) + "&end_time=" + (now + 60)))
                .path("data")
                .get(0);
        JsonNode invoice = ok(stripe.post(
                "/v1/invoices",
                "customer=" + customerId + "&subscription="
                        + subscription.path("id").asText()));
        JsonNode endpoint = ok(stripe.post("/v1/webhook_endpoints", "url=http://127.0.0.1:9/hook&enabled_events[]=*"));
        JsonNode storedEndpoint =
                ok(stripe.get("/v1/webhook_endpoints/" + endpoint.path("id").asText()));

        SoftAssertions softly = new SoftAssertions();
        shape(softly, "customer", customer);
        shape(softly, "billing.meter", meter);
        shape(softly, "product", product);
        shape(softly, "price", metered);
        shape(softly, "subscription", subscription);
        shape(
                softly,
                "subscription_item",
                subscription.path("items").path("data").get(0));
        shape(softly, "billing.meter_event", meterEvent);
        shape(softly, "billing.meter_event_summary", summary);
        shape(softly, "invoice", invoice);
        shape(softly, "line_item", invoice.path("lines").path("data").get(0));
        shape(softly, "webhook_endpoint", storedEndpoint);
        shape(softly, "event", sandbox.events().get(0));
        softly.assertAll();
    }

    private static void shape(SoftAssertions softly, String type, JsonNode actual) {
        JsonNode example = fixtures.path(type);
        softly.assertThat(fieldNames(actual))
                .as(type + " fields")
                .containsExactlyInAnyOrderElementsOf(fieldNames(example));
        softly.assertThat(actual.path("object").asText()).as(type + " object").isEqualTo(type);
        example.fields().forEachRemaining(field -> {
            JsonNode value = actual.path(field.getKey());
            if (!field.getValue().isNull() && !value.isNull() && !value.isMissingNode()) {
                softly.assertThat(value.getNodeType())
                        .as(type + "." + field.getKey())
                        .isEqualTo(field.getValue().getNodeType());
            }
        });
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
