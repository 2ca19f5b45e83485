package io.maestro.conductor.sandbox.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's wire protocol over plain HTTP, held to Stripe's API reference: authentication, the error envelope,
 * form encoding, idempotent requests and injected failures.
 */
class StripeSandboxProtocolTest {

    private static final String KEY = "sk_test_51SandboxProtocolKey0001";

    private StripeSandbox sandbox;
    private RawStripeHttp stripe;

    @BeforeEach
    void start() {
        sandbox = StripeSandbox.start(KEY);
        stripe = RawStripeHttp.bearer(sandbox, KEY);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aRequestWithoutAKeyIsRefusedWithStripesNoKeyMessage() {
        RawStripeHttp.Answer answer = new RawStripeHttp(sandbox.apiBase(), null).post("/v1/customers", "name=A");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorType()).isEqualTo("invalid_request_error");
        assertThat(answer.body().path("error").path("message").asText()).startsWith("You did not provide an API key.");
        assertThat(answer.header("Request-Id")).matches("req_[A-Za-z0-9]{14}");
        assertThat(sandbox.customers()).isEmpty();
    }

    @Test
    void aWrongKeyIsRefusedAndShownOnlyByItsLastFourCharacters() {
        String wrong = "sk_test_51SandboxProtocolKeyWXYZ";
        RawStripeHttp.Answer answer = RawStripeHttp.bearer(sandbox, wrong).get("/v1/invoices");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("api_key_invalid");
        String message = answer.body().path("error").path("message").asText();
        assertThat(message)
                .startsWith("Invalid API Key provided: sk_test_")
                .endsWith("WXYZ")
                .doesNotContain("51SandboxProtocolKey");
    }

    @Test
    void basicAuthWithTheKeyAsUserNameIsAccepted() {
        String basic = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
        RawStripeHttp.Answer answer = new RawStripeHttp(sandbox.apiBase(), basic).post("/v1/customers", "name=Basic");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("name").asText()).isEqualTo("Basic");
    }

    @Test
    void bracketNotationBuildsNestedParameters() {
        RawStripeHttp.Answer customer =
                stripe.post("/v1/customers", "email=jenny%40example.com&metadata[tenant]=acme&metadata[plan]=pro");

        assertThat(customer.status()).isEqualTo(200);
        assertThat(customer.body().path("object").asText()).isEqualTo("customer");
        assertThat(customer.body().path("id").asText()).startsWith("cus_");
        assertThat(customer.body().path("email").asText()).isEqualTo("jenny@example.com");
        assertThat(customer.body().path("metadata").path("tenant").asText()).isEqualTo("acme");
        assertThat(customer.body().path("metadata").path("plan").asText()).isEqualTo("pro");
        assertThat(customer.body().path("livemode").asBoolean(true)).isFalse();
    }

    @Test
    void aMissingRequiredParameterIsParameterMissing() {
        RawStripeHttp.Answer answer = stripe.post("/v1/products", "description=no+name");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("invalid_request_error");
        assertThat(answer.errorCode()).isEqualTo("parameter_missing");
        assertThat(answer.errorParam()).isEqualTo("name");
        assertThat(answer.body().path("error").path("message").asText()).isEqualTo("Missing required param: name.");
    }

    @Test
    void anUnknownParameterIsParameterUnknown() {
        RawStripeHttp.Answer answer = stripe.post("/v1/customers", "name=A&colour=blue");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("parameter_unknown");
        assertThat(answer.errorParam()).isEqualTo("colour");
        assertThat(sandbox.customers()).isEmpty();
    }

    @Test
    void anUnknownObjectIsResourceMissingWith404() {
        RawStripeHttp.Answer answer = stripe.get("/v1/customers/cus_doesnotexist");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("resource_missing");
        assertThat(answer.errorParam()).isEqualTo("id");
        assertThat(answer.body().path("error").path("message").asText())
                .isEqualTo("No such customer: 'cus_doesnotexist'");
    }

    @Test
    void anUnknownUrlIsUnrecognizedRequestUrl() {
        RawStripeHttp.Answer answer = stripe.post("/v1/usage_records", "quantity=1");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorType()).isEqualTo("invalid_request_error");
        assertThat(answer.body().path("error").path("message").asText())
                .startsWith("Unrecognized request URL (POST: /v1/usage_records).");
    }

    @Test
    void theSameIdempotencyKeyAndParametersReplayTheFirstAnswer() {
        RawStripeHttp.Answer first = stripe.post("/v1/customers", "name=Once&email=once%40example.com", "key-1");
        RawStripeHttp.Answer second = stripe.post("/v1/customers", "email=once%40example.com&name=Once", "key-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.raw().body()).isEqualTo(first.raw().body());
        assertThat(second.header("Request-Id")).isNotEqualTo(first.header("Request-Id"));
        assertThat(sandbox.customers()).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithOtherParametersIsAnIdempotencyError() {
        stripe.post("/v1/customers", "name=First", "key-2");
        RawStripeHttp.Answer answer = stripe.post("/v1/customers", "name=Second", "key-2");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("idempotency_error");
        assertThat(answer.body().path("error").path("message").asText())
                .startsWith("Keys for idempotent requests can only be used with the same parameters");
        assertThat(sandbox.customers()).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyOnAnotherEndpointIsAnIdempotencyError() {
        stripe.post("/v1/products", "name=Widget", "key-3");
        RawStripeHttp.Answer answer = stripe.post("/v1/customers", "name=Widget", "key-3");

        assertThat(answer.errorType()).isEqualTo("idempotency_error");
        assertThat(sandbox.customers()).isEmpty();
    }

    @Test
    void aRequestRefusedByValidationKeepsNoIdempotentResult() {
        RawStripeHttp.Answer refused = stripe.post("/v1/products", "description=x", "key-4");
        RawStripeHttp.Answer fixed = stripe.post("/v1/products", "name=Widget", "key-4");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void anInjectedRateLimitIsA429ThatChangesNothing() {
        sandbox.injectFaults(Fault.RATE_LIMITED);

        RawStripeHttp.Answer limited = stripe.post("/v1/customers", "name=Later", "key-5");
        RawStripeHttp.Answer retried = stripe.post("/v1/customers", "name=Later", "key-5");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("rate_limit");
        assertThat(limited.header("Request-Id")).startsWith("req_");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(sandbox.customers()).hasSize(1);
    }

    @Test
    void anInjectedServerErrorIsApiError() {
        sandbox.injectFaults(Fault.SERVER_ERROR);

        RawStripeHttp.Answer answer = stripe.get("/v1/invoices");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.errorType()).isEqualTo("api_error");
    }

    @Test
    void aLostResponseStillHappenedAndItsRetryIsAReplay() {
        sandbox.injectFaults(Fault.RESPONSE_LOST);

        Throwable lost = org.assertj.core.api.Assertions.catchThrowable(
                () -> stripe.post("/v1/customers", "name=Lost", "key-6"));
        RawStripeHttp.Answer retried = stripe.post("/v1/customers", "name=Lost", "key-6");

        assertThat(lost).isNotNull();
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sandbox.customers()).hasSize(1);
        assertThat(retried.body().path("id").asText())
                .isEqualTo(sandbox.customers().get(0).path("id").asText());
    }

    @Test
    void getRequestsIgnoreIdempotencyKeys() {
        RawStripeHttp.Answer answer = stripe.get("/v1/invoices?limit=3");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("object").asText()).isEqualTo("list");
        assertThat(answer.body().path("url").asText()).isEqualTo("/v1/invoices");
    }
}
