package io.maestro.conductor.payments.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.stripe.exception.StripeException;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.payments.CallContext;
import io.maestro.conductor.payments.MeteredPrice;
import io.maestro.conductor.payments.MigratedDatabase;
import io.maestro.conductor.payments.PaymentsErrorCode;
import io.maestro.conductor.payments.PaymentsException;
import io.maestro.conductor.payments.PaymentsSettings;
import io.maestro.conductor.payments.RetryPolicy;
import io.maestro.conductor.payments.StripeBackend;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.TestDatabase;
import io.maestro.conductor.sandbox.stripe.Fault;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Billing sync against the Stripe sandbox with the period ledger in SQL; state asserted on the sandbox. */
class BillingSyncTest {

    private static final String KEY = "sk_test_51BillingSyncTestKey000077";
    private static final BillingPeriod PERIOD =
            BillingPeriod.containing(Clock.systemUTC().instant());
    private static final CallContext ACME = new CallContext("acme", "prod", "billing", "sync-1");

    private StripeSandbox sandbox;
    private StripeBackend stripe;
    private final Map<String, BillingAccount> accounts = new HashMap<>();
    private final Map<String, Long> usage = new HashMap<>();

    @BeforeEach
    void start() throws StripeException {
        sandbox = StripeSandbox.start(KEY);
        String price = MeteredPrice.create(sandbox, KEY, "conductor_calls", 2L);
        stripe = new StripeBackend(
                PaymentsSettings.of(price, "conductor_calls")
                        .withApiBase(sandbox.apiBase())
                        .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5))),
                new Secret(KEY));
        String customer = stripe.createCustomer(ACME, "acme", null, null, null).getId();
        String subscription =
                stripe.createSubscription(ACME, "acme", customer, null).getId();
        accounts.put("acme", new BillingAccount(customer, subscription));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private BillingSync sync(BillingLedger ledger) {
        return new BillingSync(
                stripe,
                ledger,
                (tenant, period) -> usage.getOrDefault(tenant, 0L),
                tenant -> Optional.ofNullable(accounts.get(tenant)),
                Clock.systemUTC());
    }

    private List<com.fasterxml.jackson.databind.JsonNode> invoicesOfThePeriod() {
        return sandbox.invoices().stream()
                .filter(invoice -> PERIOD.toString()
                        .equals(invoice.path("metadata")
                                .path("conductor_period")
                                .asText()))
                .toList();
    }

    @OnEachDatabase
    void aPeriodIsInvoicedOnceWithItsUsage(TestDatabase database) {
        BillingLedger ledger = new BillingLedger(MigratedDatabase.open(database));
        usage.put("acme", 120L);

        BillingSync.Result first = sync(ledger).sync(ACME, PERIOD);
        int requestsAfterFirst = sandbox.requests().size();
        BillingSync.Result second = sync(ledger).sync(ACME, PERIOD);

        assertThat(first.outcome()).isEqualTo(BillingSync.Outcome.INVOICED);
        assertThat(second.outcome()).isEqualTo(BillingSync.Outcome.ALREADY_INVOICED);
        assertThat(second.invoiceId()).isEqualTo(first.invoiceId());
        assertThat(sandbox.requests()).hasSize(requestsAfterFirst);
        assertThat(invoicesOfThePeriod()).singleElement().satisfies(invoice -> {
            assertThat(invoice.path("status").asText()).isEqualTo("draft");
            assertThat(invoice.path("amount_due").asLong()).isEqualTo(240);
        });
        assertThat(sandbox.meterEvents()).hasSize(1);
        LedgerEntry entry = ledger.find("acme", PERIOD).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerEntry.State.INVOICED);
        assertThat(entry.usageTotal()).isEqualTo(120L);
        assertThat(entry.invoiceId()).isEqualTo(first.invoiceId());
        assertThat(ledger.latest("acme")).contains(entry);
    }

    @OnEachDatabase
    void aSyncThatFailedIsResumedAndBillsOnce(TestDatabase database) {
        BillingLedger ledger = new BillingLedger(MigratedDatabase.open(database));
        usage.put("acme", 10L);
        sandbox.injectFaults(Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR);

        PaymentsException failed = catchThrowableOfType(() -> sync(ledger).sync(ACME, PERIOD), PaymentsException.class);
        LedgerEntry afterFailure = ledger.find("acme", PERIOD).orElseThrow();
        BillingSync.Result resumed = sync(ledger).sync(ACME, PERIOD);

        assertThat(failed.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_FAILED);
        assertThat(afterFailure.state()).isEqualTo(LedgerEntry.State.STARTED);
        assertThat(afterFailure.lastError()).isEqualTo("PAYMENTS_FAILED");
        assertThat(resumed.outcome()).isEqualTo(BillingSync.Outcome.INVOICED);
        assertThat(ledger.find("acme", PERIOD).orElseThrow()).satisfies(entry -> {
            assertThat(entry.attempts()).isEqualTo(2);
            assertThat(entry.lastError()).isNull();
        });
        assertThat(sandbox.meterEvents()).hasSize(1);
        assertThat(invoicesOfThePeriod())
                .singleElement()
                .satisfies(invoice ->
                        assertThat(invoice.path("amount_due").asLong()).isEqualTo(20));
    }

    /**
     * The state a crash leaves between Stripe creating the invoice and the ledger recording it, long enough ago that
     * Stripe's idempotency key has expired: the resumed sync adopts that invoice instead of creating a second.
     */
    @OnEachDatabase
    void aSyncInterruptedAfterTheInvoiceAdoptsIt(TestDatabase database) {
        BillingLedger ledger = new BillingLedger(MigratedDatabase.open(database));
        BillingAccount account = accounts.get("acme");
        ledger.begin("acme", PERIOD, Clock.systemUTC().instant());
        ledger.usageSent("acme", PERIOD, 0, Clock.systemUTC().instant());
        String earlier = stripe.createDraftInvoice(
                        ACME,
                        "an expired key",
                        account.customerId(),
                        account.subscriptionId(),
                        Map.of(BillingSync.PERIOD_METADATA, PERIOD.toString()))
                .getId();

        BillingSync.Result resumed = sync(ledger).sync(ACME, PERIOD);

        assertThat(resumed.invoiceId()).isEqualTo(earlier);
        assertThat(invoicesOfThePeriod()).hasSize(1);
        assertThat(sandbox.meterEvents()).as("usage was sent before the crash").isEmpty();
    }

    @OnEachDatabase
    void aTenantWithoutABillingAccountFailsWithItsCodeInTheLedger(TestDatabase database) {
        BillingLedger ledger = new BillingLedger(MigratedDatabase.open(database));
        CallContext stranger = new CallContext("stranger", "prod", "billing", "sync-2");
        int before = sandbox.requests().size();

        PaymentsException failed =
                catchThrowableOfType(() -> sync(ledger).sync(stranger, PERIOD), PaymentsException.class);

        assertThat(failed.code()).isEqualTo(PaymentsErrorCode.PAYMENTS_REQUEST_INVALID);
        assertThat(ledger.latest("stranger"))
                .hasValueSatisfying(entry -> assertThat(entry.lastError()).isEqualTo("PAYMENTS_REQUEST_INVALID"));
        assertThat(sandbox.requests()).hasSize(before);
    }
}
