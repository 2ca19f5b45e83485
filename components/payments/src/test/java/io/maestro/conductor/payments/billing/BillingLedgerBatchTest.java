package io.maestro.conductor.payments.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.payments.MigratedDatabase;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/** The ledger's batched writes: a run's entries begun at once, its successes written in groups. */
class BillingLedgerBatchTest {

    private static final BillingPeriod PERIOD = BillingPeriod.parse("2026-11");
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private static List<String> tenants(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t-" + i).toList();
    }

    @OnEachDatabase
    void beginAllStartsNewEntriesAndCountsAnAttemptOnKnownOnes(TestDatabase database) {
        DataSource dataSource = MigratedDatabase.open(database);
        BillingLedger ledger = new BillingLedger(dataSource);
        ledger.begin("t-1", PERIOD, NOW.minusSeconds(60));
        ledger.usageSent("t-1", PERIOD, 42, NOW.minusSeconds(60));
        List<String> tenants = tenants(250);

        Map<String, LedgerEntry> begun = ledger.beginAll(tenants, ledger.entries(PERIOD), PERIOD, NOW);

        assertThat(begun).hasSize(250);
        assertThat(ledger.entries(PERIOD)).hasSize(250).allSatisfy((tenant, entry) -> {
            assertThat(entry).isEqualTo(begun.get(tenant));
            assertThat(entry.lastSyncAt()).isEqualTo(NOW);
        });
        assertThat(begun.get("t-0").state()).isEqualTo(LedgerEntry.State.STARTED);
        assertThat(begun.get("t-0").attempts()).isEqualTo(1);
        assertThat(begun.get("t-1").state()).isEqualTo(LedgerEntry.State.USAGE_SENT);
        assertThat(begun.get("t-1").usageTotal()).isEqualTo(42);
        assertThat(begun.get("t-1").attempts()).isEqualTo(2);
    }

    @OnEachDatabase
    void beginAllFallsBackToOneByOneWhenAnotherNodeBeganAnEntryMeanwhile(TestDatabase database) {
        DataSource dataSource = MigratedDatabase.open(database);
        BillingLedger ledger = new BillingLedger(dataSource);
        Map<String, LedgerEntry> readBefore = ledger.entries(PERIOD);
        // Inserted after this node read the period's entries: its batch insert meets a duplicate key.
        ledger.begin("t-3", PERIOD, NOW.minusSeconds(1));

        Map<String, LedgerEntry> begun = ledger.beginAll(tenants(5), readBefore, PERIOD, NOW);

        assertThat(ledger.entries(PERIOD)).hasSize(5);
        assertThat(ledger.find("t-3", PERIOD))
                .hasValueSatisfying(entry -> assertThat(entry.attempts()).isEqualTo(2));
        assertThat(begun.get("t-3").attempts()).isEqualTo(2);
        assertThat(ledger.find("t-4", PERIOD))
                .hasValueSatisfying(entry -> assertThat(entry.attempts()).isEqualTo(1));
    }

    @OnEachDatabase
    void invoicedAllMarksEachTenantWithItsTotalAndInvoice(TestDatabase database) {
        DataSource dataSource = MigratedDatabase.open(database);
        BillingLedger ledger = new BillingLedger(dataSource);
        List<String> tenants = tenants(3);
        ledger.beginAll(tenants, Map.of(), PERIOD, NOW);
        ledger.failed("t-2", PERIOD, "PAYMENTS_FAILED", NOW);
        List<BillingLedger.Invoiced> done = new ArrayList<>();
        done.add(new BillingLedger.Invoiced("t-0", 17, "in_0"));
        done.add(new BillingLedger.Invoiced("t-2", 0, "in_2"));

        ledger.invoicedAll(done, PERIOD, NOW.plusSeconds(5));
        ledger.invoicedAll(List.of(), PERIOD, NOW.plusSeconds(6));

        assertThat(ledger.find("t-0", PERIOD)).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(LedgerEntry.State.INVOICED);
            assertThat(entry.usageTotal()).isEqualTo(17);
            assertThat(entry.invoiceId()).isEqualTo("in_0");
            assertThat(entry.lastSyncAt()).isEqualTo(NOW.plusSeconds(5));
        });
        assertThat(ledger.find("t-2", PERIOD)).hasValueSatisfying(entry -> {
            assertThat(entry.state()).isEqualTo(LedgerEntry.State.INVOICED);
            assertThat(entry.lastError()).isNull();
        });
        assertThat(ledger.find("t-1", PERIOD))
                .hasValueSatisfying(entry -> assertThat(entry.state()).isEqualTo(LedgerEntry.State.STARTED));
        assertThat(ledger.find("t-1", PERIOD.previous())).isEmpty();
    }
}
