package io.maestro.conductor.payments.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.StripeException;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.payments.MeteredPrice;
import io.maestro.conductor.payments.MigratedDatabase;
import io.maestro.conductor.payments.PaymentsSettings;
import io.maestro.conductor.payments.RetryPolicy;
import io.maestro.conductor.payments.StripeBackend;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.TestDatabase;
import io.maestro.conductor.sandbox.stripe.Fault;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Billing runs over several tenants: usage from the SQL store, accounts opened once, every tenant billed once. */
class BillingRunTest {

    private static final String KEY = "sk_test_51BillingRunTestKey000099";
    private static final BillingPeriod PERIOD =
            BillingPeriod.containing(Clock.systemUTC().instant());
    private static final List<String> TENANTS = List.of("acme", "globex", "initech");

    private StripeSandbox sandbox;
    private StripeBackend stripe;

    @BeforeEach
    void start() throws StripeException {
        sandbox = StripeSandbox.start(KEY);
        String price = MeteredPrice.create(sandbox, KEY, "conductor_calls", 3L);
        stripe = new StripeBackend(
                PaymentsSettings.of(price, "conductor_calls")
                        .withApiBase(sandbox.apiBase())
                        .withRetry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(2))),
                new Secret(KEY));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static BillingRun billingRun(DataSource dataSource) {
        Clock clock = Clock.systemUTC();
        return new BillingRun(
                new BillingLedger(dataSource),
                new UsageStore(dataSource, clock),
                new BillingAccounts(dataSource, clock),
                clock,
                4);
    }

    private Map<String, Long> amountDueByTenant() {
        return sandbox.invoices().stream()
                .collect(Collectors.toMap(
                        invoice -> invoice.path("metadata")
                                .path("conductor_tenant")
                                .asText(),
                        invoice -> invoice.path("amount_due").asLong()));
    }

    @OnEachDatabase
    void everyTenantIsBilledOnceForItsUsageSummedOverSourcesAndEnvironments(TestDatabase database) {
        DataSource dataSource = MigratedDatabase.open(database);
        UsageStore usage = new UsageStore(dataSource, Clock.systemUTC());
        usage.add(List.of(
                new UsageCount("acme", "prod", PERIOD, "adapter:storage", 10),
                new UsageCount("acme", "dev", PERIOD, "adapter:storage", 5),
                new UsageCount("globex", "prod", PERIOD, "adapter:payments", 7),
                new UsageCount("acme", "prod", PERIOD.previous(), "adapter:storage", 1000)));
        usage.add(List.of(new UsageCount("acme", "prod", PERIOD, "adapter:storage", 2)));

        BillingRun.Summary first = billingRun(dataSource).run(stripe, "prod", "billing", TENANTS, PERIOD, "run-1");
        BillingRun.Summary second = billingRun(dataSource).run(stripe, "prod", "billing", TENANTS, PERIOD, "run-2");

        assertThat(first.invoiced()).isEqualTo(3);
        assertThat(second.invoiced()).isZero();
        assertThat(second.alreadyInvoiced()).isEqualTo(3);
        assertThat(sandbox.customers()).hasSize(3);
        assertThat(amountDueByTenant())
                .containsExactlyInAnyOrderEntriesOf(Map.of("acme", 51L, "globex", 21L, "initech", 0L));
        assertThat(sandbox.meterEvents())
                .extracting(event -> event.path("payload").path("value").asText())
                .containsExactlyInAnyOrder("17", "7");
    }

    @OnEachDatabase
    void aTenantThatFailsKeepsItsErrorAndIsBilledOnceByTheNextRun(TestDatabase database) {
        DataSource dataSource = MigratedDatabase.open(database);
        new UsageStore(dataSource, Clock.systemUTC())
                .add(List.of(new UsageCount("acme", "prod", PERIOD, "adapter:storage", 4)));
        // Every call answers 500 until the faults run out: with one retry, the first tenant's customer fails.
        sandbox.injectFaults(Fault.SERVER_ERROR, Fault.SERVER_ERROR);

        BillingRun.Summary failed =
                billingRun(dataSource).run(stripe, "prod", "billing", List.of("acme"), PERIOD, "run-1");
        BillingRun.Summary retried =
                billingRun(dataSource).run(stripe, "prod", "billing", List.of("acme"), PERIOD, "run-2");

        assertThat(failed.failures()).containsEntry("PAYMENTS_FAILED", 1);
        assertThat(retried.invoiced()).isEqualTo(1);
        assertThat(new BillingLedger(dataSource).find("acme", PERIOD)).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(LedgerEntry.State.INVOICED);
            assertThat(entry.lastError()).isNull();
            assertThat(entry.attempts()).isEqualTo(2);
        });
        List<JsonNode> invoices = sandbox.invoices();
        assertThat(invoices)
                .singleElement()
                .satisfies(invoice ->
                        assertThat(invoice.path("amount_due").asLong()).isEqualTo(12));
        assertThat(sandbox.customers()).hasSize(1);
    }

    @OnEachDatabase
    void aRunWhoseLedgerLaggedBehindStripeAdoptsWhatStripeHoldsAndBillsNothingTwice(TestDatabase database)
            throws Exception {
        DataSource dataSource = MigratedDatabase.open(database);
        new UsageStore(dataSource, Clock.systemUTC())
                .add(List.of(
                        new UsageCount("acme", "prod", PERIOD, "adapter:storage", 4),
                        new UsageCount("globex", "prod", PERIOD, "adapter:storage", 2)));
        BillingRun.Summary first = billingRun(dataSource).run(stripe, "prod", "billing", TENANTS, PERIOD, "run-1");
        Map<String, String> invoiceIds = TENANTS.stream()
                .collect(Collectors.toMap(
                        tenant -> tenant,
                        tenant -> new BillingLedger(dataSource)
                                .find(tenant, PERIOD)
                                .orElseThrow()
                                .invoiceId()));
        // A hub killed after Stripe answered but before its group of successes reached the ledger.
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE billing_ledger SET state = 'STARTED', usage_total = NULL, invoice_id = NULL");
        }

        BillingRun.Summary resumed = billingRun(dataSource).run(stripe, "prod", "billing", TENANTS, PERIOD, "run-2");

        assertThat(first.invoiced()).isEqualTo(3);
        assertThat(resumed.invoiced()).isEqualTo(3);
        assertThat(resumed.failed()).isZero();
        assertThat(sandbox.invoices()).hasSize(3);
        assertThat(sandbox.meterEvents()).hasSize(2);
        assertThat(amountDueByTenant())
                .containsExactlyInAnyOrderEntriesOf(Map.of("acme", 12L, "globex", 6L, "initech", 0L));
        for (String tenant : TENANTS) {
            assertThat(new BillingLedger(dataSource).find(tenant, PERIOD)).hasValueSatisfying(entry -> {
                assertThat(entry.state()).isEqualTo(LedgerEntry.State.INVOICED);
                assertThat(entry.invoiceId()).isEqualTo(invoiceIds.get(tenant));
                assertThat(entry.attempts()).isEqualTo(2);
            });
        }
    }
}
