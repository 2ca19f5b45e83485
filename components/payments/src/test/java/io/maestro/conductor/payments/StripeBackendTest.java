package io.maestro.conductor.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.sandbox.stripe.Fault;
import io.maestro.conductor.sandbox.stripe.RecordedRequest;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend through stripe-java against the Stripe sandbox over HTTP. */
class StripeBackendTest {

    private static final String KEY = "sk_test_51BackendTestKeyAbCdEf9876";
    private static final CallContext ACME = new CallContext("acme", "prod", "billing", "corr-1");
    private static final CallContext GLOBEX = new CallContext("globex", "prod", "billing", "corr-2");
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    private StripeSandbox sandbox;
    private StripeBackend backend;
    private String priceId;
    private CallLogCapture log;
    private int setupRequests;

    @BeforeEach
    void start() throws StripeException {
        sandbox = StripeSandbox.start(KEY);
        priceId = MeteredPrice.create(sandbox, KEY, "conductor_calls", 2L);
        backend = backendWith(KEY);
        setupRequests = sandbox.requests().size();
        log = new CallLogCapture();
    }

    private StripeBackend backendWith(String key) {
        return new StripeBackend(
                PaymentsSettings.of(priceId, "conductor_calls")
                        .withApiBase(sandbox.apiBase())
                        .withRetry(FAST),
                new Secret(key));
    }

    @AfterEach
    void stop() {
        log.close();
        sandbox.close();
    }

    /** The requests the backend made (after the test's own setup of meter, product and price). */
    private List<RecordedRequest> calls() {
        List<RecordedRequest> all = sandbox.requests();
        return all.subList(setupRequests, all.size());
    }

    @Test
    void usageBecomesADraftInvoiceThatIsFinalizedAndReadBack() {
        Customer customer = backend.createCustomer(ACME, "acme-account", "billing@acme.example", "Acme Ltd", null);
        Subscription subscription = backend.createSubscription(ACME, "acme-plan", customer.getId(), null);
        backend.recordUsage(ACME, "acme-2026-12-day1", customer.getId(), BigDecimal.valueOf(150), Instant.now());
        backend.recordUsage(ACME, "acme-2026-12-day2", customer.getId(), new BigDecimal("50"), null);

        Invoice draft = backend.createDraftInvoice(ACME, "acme-2026-12", customer.getId(), subscription.getId(), null);
        Invoice finalized = backend.finalizeInvoice(ACME, draft.getId());
        Invoice read = backend.getInvoice(ACME, draft.getId());

        assertThat(draft.getStatus()).isEqualTo("draft");
        assertThat(draft.getAmountDue()).isEqualTo(400L);
        assertThat(finalized.getStatus()).isEqualTo("open");
        assertThat(read.getNumber()).isEqualTo(finalized.getNumber());
        assertThat(read.getMetadata()).containsEntry(StripeBackend.TENANT_METADATA, "acme");
        assertThat(sandbox.customers())
                .singleElement()
                .satisfies(stored -> assertThat(stored.path("metadata")
                                .path(StripeBackend.TENANT_METADATA)
                                .asText())
                        .isEqualTo("acme"));
    }

    @Test
    void theSameBusinessKeyIsTheSameCallAtStripe() {
        Customer first = backend.createCustomer(ACME, "acme-account", "billing@acme.example", "Acme", null);
        Customer again = backend.createCustomer(ACME, "acme-account", "billing@acme.example", "Acme", null);
        backend.recordUsage(ACME, "usage-1", first.getId(), BigDecimal.TEN, null);
        backend.recordUsage(ACME, "usage-1", first.getId(), BigDecimal.TEN, null);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(sandbox.customers()).hasSize(1);
        assertThat(sandbox.meterEvents()).hasSize(1);
        assertThat(calls()).filteredOn(RecordedRequest::replayed).hasSize(2);
    }

    @Test
    void everyPostCarriesTheDerivedIdempotencyKey() {
        backend.createCustomer(ACME, "acme-account", null, null, null);
        backend.createCustomer(GLOBEX, "acme-account", null, null, null);

        assertThat(calls())
                .extracting(RecordedRequest::idempotencyKey)
                .containsExactly(
                        IdempotencyKeys.derive(ACME, "create_customer", "acme-account"),
                        IdempotencyKeys.derive(GLOBEX, "create_customer", "acme-account"));
        assertThat(sandbox.customers()).hasSize(2);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedWithTheSameKeyAndChargeOnce() {
        sandbox.injectFaults(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.RATE_LIMITED);

        Customer customer = backend.createCustomer(ACME, "acme-account", "billing@acme.example", null, null);

        assertThat(customer.getId()).startsWith("cus_");
        assertThat(sandbox.customers()).hasSize(1);
        assertThat(calls()).extracting(RecordedRequest::status).containsExactly(429, 500, 429, 200);
        assertThat(calls())
                .extracting(RecordedRequest::idempotencyKey)
                .containsOnly(IdempotencyKeys.derive(ACME, "create_customer", "acme-account"));
        assertThat(CallLogCapture.fields(log.lines().get(0)))
                .containsEntry("attempts", "4")
                .containsEntry("outcome", "success");
    }

    @Test
    void aLostAnswerIsRetriedAndAnsweredByStripesReplay() {
        Customer customer = backend.createCustomer(ACME, "acme-account", null, null, null);
        sandbox.injectFaults(Fault.RESPONSE_LOST);

        backend.recordUsage(ACME, "usage-lost", customer.getId(), BigDecimal.ONE, null);

        assertThat(sandbox.meterEvents()).hasSize(1);
        assertThat(calls())
                .last()
                .satisfies(request -> assertThat(request.replayed()).isTrue());
    }

    @Test
    void whenRetriesRunOutTheErrorCarriesStripesTypeAndRequestId() {
        sandbox.injectFaults(Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);

        PaymentsException error = catchThrowableOfType(
                () -> backend.createCustomer(ACME, "acme-account", null, null, null), PaymentsException.class);

        assertThat(error.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_FAILED);
        assertThat(error.code().kind()).isEqualTo(AdapterErrorCode.Kind.FAILED);
        assertThat(error.isTransient()).isTrue();
        assertThat(error.instanceId()).isEqualTo("acme/prod/billing");
        assertThat(error.httpStatus()).isEqualTo(500);
        assertThat(error.stripeType()).isEqualTo("api_error");
        assertThat(error.requestId()).startsWith("req_");
        assertThat(error.getMessage()).contains(error.requestId()).contains("api_error");
        assertThat(calls()).hasSize(4);
        assertThat(sandbox.customers()).isEmpty();
    }

    @Test
    void aRefusedRequestIsNotRetriedAndCarriesStripesCodeAndParam() {
        PaymentsException error = catchThrowableOfType(
                () -> backend.createSubscription(ACME, "plan", "cus_missing", null), PaymentsException.class);

        assertThat(error.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_NOT_FOUND);
        assertThat(error.stripeCode()).isEqualTo("resource_missing");
        assertThat(error.stripeParam()).isEqualTo("customer");
        assertThat(error.httpStatus()).isEqualTo(404);
        assertThat(calls()).hasSize(1);
    }

    @Test
    void aRefusedKeyNeverShowsInTheErrorOrTheCallLog() {
        String wrong = "sk_test_51WrongKeyNeverLoggedQ7Z9";
        PaymentsException error = catchThrowableOfType(
                () -> backendWith(wrong).createCustomer(ACME, "acme-account", null, null, null),
                PaymentsException.class);

        assertThat(error.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_AUTH_FAILED);
        assertThat(error.code().isInstanceFault()).isTrue();
        assertThat(error.httpStatus()).isEqualTo(401);
        assertThat(error.getMessage())
                .doesNotContain(wrong)
                .doesNotContain("Q7Z9")
                .doesNotContain(KEY);
        assertThat(log.lines())
                .singleElement()
                .satisfies(line -> assertThat(CallLogCapture.text(line))
                        .doesNotContain("Q7Z9")
                        .doesNotContain("sk_test")
                        .contains("PAYMENTS_AUTH_FAILED"));
    }

    @Test
    void theCallLogHasOneMaskedLinePerCall() {
        backend.createCustomer(
                ACME,
                "acme-account",
                "jenny.rosen@example.com",
                "Jenny Rosen",
                Map.of("card_hint", "4242 4242 4242 4242", "plan", "pro"));

        ILoggingEvent line = log.lines().get(0);
        Map<String, String> fields = CallLogCapture.fields(line);
        assertThat(log.lines()).hasSize(1);
        assertThat(fields)
                .containsEntry("tenant", "acme")
                .containsEntry("environment", "prod")
                .containsEntry("action", "create_customer")
                .containsEntry("correlationId", "corr-1")
                .containsEntry("outcome", "success")
                .containsEntry("attempts", "1")
                .containsEntry("idempotencyKey", IdempotencyKeys.derive(ACME, "create_customer", "acme-account"));
        assertThat(fields.get("requestId")).startsWith("req_");
        assertThat(fields.get("payload"))
                .contains("plan=pro")
                .contains("email=****")
                .contains("name=****");
        assertThat(CallLogCapture.text(line))
                .doesNotContain("jenny")
                .doesNotContain("Jenny")
                .doesNotContain("4242 4242")
                .doesNotContain(KEY);
    }

    @Test
    void anInvoiceOfAnotherTenantReadsAsNotFound() {
        Customer customer = backend.createCustomer(ACME, "acme-account", null, null, null);
        Invoice invoice = backend.createDraftInvoice(ACME, "acme-2026-12", customer.getId(), null, null);

        PaymentsException read =
                catchThrowableOfType(() -> backend.getInvoice(GLOBEX, invoice.getId()), PaymentsException.class);
        PaymentsException finalize =
                catchThrowableOfType(() -> backend.finalizeInvoice(GLOBEX, invoice.getId()), PaymentsException.class);

        assertThat(read.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_NOT_FOUND);
        assertThat(finalize.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_NOT_FOUND);
        assertThat(sandbox.invoices())
                .singleElement()
                .satisfies(stored -> assertThat(stored.path("status").asText()).isEqualTo("draft"));
    }

    @Test
    void aCallWithoutABusinessKeySendsNothing() {
        PaymentsException error = catchThrowableOfType(
                () -> backend.createCustomer(ACME, " ", null, null, null), PaymentsException.class);

        assertThat(error.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_REQUEST_INVALID);
        assertThat(calls()).isEmpty();
    }

    @Test
    void theProbeProvesKeyAndReachability() {
        backend.probe(ACME);
        PaymentsException refused = catchThrowableOfType(
                () -> backendWith("sk_test_51NotTheKey00000000000").probe(ACME), PaymentsException.class);
        sandbox.stop();
        PaymentsException unreachable = catchThrowableOfType(() -> backend.probe(ACME), PaymentsException.class);

        assertThat(refused.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_AUTH_FAILED);
        assertThat(unreachable.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_UNREACHABLE);
        assertThat(unreachable.httpStatus()).isNull();
    }

    @Test
    void plainHttpIsAcceptedOnlyOnLoopback() {
        PaymentsSettings settings = PaymentsSettings.of(null, null);

        assertThat(catchThrowableOfType(
                        () -> settings.withApiBase(URI.create("http://stripe.example.com")),
                        IllegalArgumentException.class))
                .hasMessageContaining("https");
        assertThat(settings.withApiBase(URI.create("http://127.0.0.1:12111"))
                        .apiBase()
                        .getPort())
                .isEqualTo(12111);
    }
}
