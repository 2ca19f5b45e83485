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
        AtomicInteger already = new AtomicInteger();
        Map<String, Integer> failures = new TreeMap<>();
        List<Future<?>> running = new ArrayList<>(tenants.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, tenants.size())));
        try {
            for (String tenant : tenants) {
                CallContext context = new CallContext(tenant, environment, instance, correlationId);
                running.add(pool.submit(() -> {
                    try {
                        BillingSync.Result result =
                                sync.sync(context, period, Optional.ofNullable(entries.get(tenant)));
                        (result.outcome() == BillingSync.Outcome.INVOICED ? invoiced : already).incrementAndGet();
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
            if (unexpected != null) {
                throw unexpected;
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(period, invoiced.get(), already.get(), Map.copyOf(failures));
    }
}
