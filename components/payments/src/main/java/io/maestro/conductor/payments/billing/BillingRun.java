package io.maestro.conductor.payments.billing;

import io.maestro.conductor.payments.CallContext;
import io.maestro.conductor.payments.PaymentsException;
import io.maestro.conductor.payments.StripeBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bills every given tenant for one period through one Stripe instance (the platform's billing account): the
 * period's usage totals are read once for all tenants, then each tenant's {@link BillingSync} runs on a bounded
 * pool, since each sync waits mostly on Stripe's answers. A tenant whose sync fails with a payments error keeps that
 * error in the ledger and is retried by the next run; the others go on.
 */
public final class BillingRun {

    private static final Logger LOG = LoggerFactory.getLogger(BillingRun.class);

    /** What one run did: tenants invoiced now, invoiced before, failed (by error code). */
    public record Summary(BillingPeriod period, int invoiced, int alreadyInvoiced, Map<String, Integer> failures) {

        public int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Tenants marked INVOICED in the ledger per batch. */
    static final int GROUP = 200;

    static final long GROUP_MILLIS = 1_000;

    private final BillingLedger ledger;
    private final UsageStore usage;
    private final BillingAccounts accounts;
    private final Clock clock;
    private final int concurrency;

    public BillingRun(BillingLedger ledger, UsageStore usage, BillingAccounts accounts, Clock clock, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.ledger = ledger;
        this.usage = usage;
        this.accounts = accounts;
        this.clock = clock;
        this.concurrency = concurrency;
    }

    /**
     * @param environment   the billing instance's environment
     * @param instance      the billing instance's name
     * @throws IllegalStateException when a tenant failed other than with a payments error (the database, most
     *                               likely): the whole run is then the caller's to retry
     */
    public Summary run(
            StripeBackend stripe,
            String environment,
            String instance,
            Collection<String> tenants,
            BillingPeriod period,
            String correlationId) {
        // Three queries for the whole run instead of several per tenant.
        Map<String, Long> totals = usage.totals(period);
        Map<String, LedgerEntry> entries = ledger.entries(period);
        Map<String, BillingAccount> known = accounts.all();
        BillingSync sync = new BillingSync(
                stripe,
                ledger,
                (tenant, ignored) -> totals.getOrDefault(tenant, 0L),
                tenant -> Optional.of(
                        known.containsKey(tenant)
                                ? known.get(tenant)
                                : accounts.open(stripe, new CallContext(tenant, environment, instance, correlationId))),
                clock);
        AtomicInteger invoiced = new AtomicInteger();
        int already = 0;
        List<String> pending = new ArrayList<>(tenants.size());
        for (String tenant : tenants) {
            LedgerEntry entry = entries.get(tenant);
            if (entry != null && entry.reached(LedgerEntry.State.INVOICED)) {
                already++;
            } else {
                pending.add(tenant);
            }
        }
        // Every pending tenant's entry begun in one transaction before any Stripe call; their successes are
        // written in groups (Done) as they come, their failures at once.
        Map<String, LedgerEntry> begun = ledger.beginAll(pending, entries, period, clock.instant());
        Done done = new Done(period);
        Map<String, Integer> failures = new TreeMap<>();
        List<Future<?>> running = new ArrayList<>(pending.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, pending.size())));
        try {
            for (String tenant : pending) {
                CallContext context = new CallContext(tenant, environment, instance, correlationId);
                LedgerEntry entry = begun.get(tenant);
                boolean resumed = entries.containsKey(tenant);
                running.add(pool.submit(() -> {
                    try {
                        BillingSync.Result result = sync.syncBegun(context, period, entry, resumed);
                        done.add(new BillingLedger.Invoiced(tenant, result.usageTotal(), result.invoiceId()));
                        invoiced.incrementAndGet();
                    } catch (PaymentsException e) {
                        LOG.warn(
                                "event=billing_sync_failed tenant={} period={} code={} correlationId={}",
                                tenant,
                                period,
                                e.code(),
                                correlationId);
                        synchronized (failures) {
                            failures.merge(e.code().name(), 1, Integer::sum);
                        }
                    }
                }));
            }
            RuntimeException unexpected = null;
            for (Future<?> each : running) {
                try {
                    each.get();
                } catch (ExecutionException e) {
                    if (unexpected == null) {
                        unexpected = new IllegalStateException(
                                "billing sync of period " + period + " failed: " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("billing sync of period " + period + " was interrupted", e);
                }
            }
            // What succeeded is written even when another tenant failed unexpectedly.
            done.flush();
            if (unexpected != null) {
                throw unexpected;
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(period, invoiced.get(), already, Map.copyOf(failures));
    }

    /**
     * Tenants invoiced but not yet marked so in the ledger, written as one batch when {@value #GROUP} have gathered
     * or the oldest has waited {@value #GROUP_MILLIS} ms (so the billing status does not lag on a slow run), and at
     * the end of the run. The worker that fills the group writes it, outside the lock others add under.
     */
    private final class Done {

        private final BillingPeriod period;
        private List<BillingLedger.Invoiced> group = new ArrayList<>();
        private long groupStarted;

        Done(BillingPeriod period) {
            this.period = period;
        }

        void add(BillingLedger.Invoiced invoiced) {
            List<BillingLedger.Invoiced> full = null;
            synchronized (this) {
                if (group.isEmpty()) {
                    groupStarted = System.nanoTime();
                }
                group.add(invoiced);
                if (group.size() >= GROUP || System.nanoTime() - groupStarted >= GROUP_MILLIS * 1_000_000L) {
                    full = group;
                    group = new ArrayList<>();
                }
            }
            if (full != null) {
                ledger.invoicedAll(full, period, clock.instant());
            }
        }

        void flush() {
            List<BillingLedger.Invoiced> rest;
            synchronized (this) {
                rest = group;
                group = new ArrayList<>();
            }
            ledger.invoicedAll(rest, period, clock.instant());
        }
    }
}
