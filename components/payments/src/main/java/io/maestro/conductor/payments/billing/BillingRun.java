package io.maestro.conductor.payments.billing;

import io.maestro.conductor.payments.CallContext;
import io.maestro.conductor.payments.PaymentsException;
import io.maestro.conductor.payments.StripeBackend;
import io.maestro.conductor.payments.UsageEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bills every given tenant for one period through one Stripe instance (the platform's billing account): the
 * period's usage totals, ledger entries and billing accounts are read once for all tenants; then, a chunk of
 * {@value #CHUNK} tenants at a time, their entries are begun in one transaction and the Stripe steps run on a bounded
 * pool (they wait mostly on Stripe's answers): accounts opened where missing, usage totals sent over Stripe's v2 meter
 * event stream ({@value StripeBackend#MAX_STREAM_EVENTS} tenants a request), one draft invoice each. A tenant whose
 * sync fails with a payments error keeps that error in the ledger and is retried by the next run; the others go on.
 */
public final class BillingRun {

    private static final Logger LOG = LoggerFactory.getLogger(BillingRun.class);

    /** What one run did: tenants invoiced now, invoiced before, failed (by error code). */
    public record Summary(BillingPeriod period, int invoiced, int alreadyInvoiced, Map<String, Integer> failures) {

        public int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Tenants begun in the ledger per transaction, and billed step by step together. */
    static final int CHUNK = 1_000;

    /** The tenant stream requests are logged under: they carry many tenants' usage. */
    static final String BATCH_TENANT = "*";

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
        Map<String, BillingAccount> known = new ConcurrentHashMap<>(accounts.all());
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
        Run run = new Run(stripe, environment, instance, period, correlationId, totals, entries, known);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, pending.size())));
        try {
            for (int from = 0; from < pending.size(); from += CHUNK) {
                List<String> chunk = pending.subList(from, Math.min(pending.size(), from + CHUNK));
                run.bill(chunk, pool);
            }
        } finally {
            // What succeeded is written even when a tenant failed unexpectedly.
            run.done.flush();
            pool.shutdownNow();
        }
        return new Summary(period, run.invoiced.get(), already, Map.copyOf(run.failures));
    }

    /**
     * One run's state. Each chunk of tenants is begun in the ledger in one transaction, then billed in three steps on
     * the pool: billing accounts opened for tenants that have none; the usage totals sent as meter events over
     * Stripe's v2 stream, {@value MeterEventStreamLimit#EVENTS} tenants a request, and marked USAGE_SENT per request;
     * then one draft invoice per tenant. Successes are marked INVOICED in groups ({@link Done}); a tenant's failure
     * is written at once and leaves the others be.
     */
    private final class Run {

        private final StripeBackend stripe;
        private final String environment;
        private final String instance;
        private final BillingPeriod period;
        private final String correlationId;
        private final Map<String, Long> totals;
        private final Map<String, LedgerEntry> before;
        private final Map<String, BillingAccount> known;
        private final BillingSync sync;
        private final Done done;
        private final AtomicInteger invoiced = new AtomicInteger();
        private final Map<String, Integer> failures = new TreeMap<>();

        Run(
                StripeBackend stripe,
                String environment,
                String instance,
                BillingPeriod period,
                String correlationId,
                Map<String, Long> totals,
                Map<String, LedgerEntry> before,
                Map<String, BillingAccount> known) {
            this.stripe = stripe;
            this.environment = environment;
            this.instance = instance;
            this.period = period;
            this.correlationId = correlationId;
            this.totals = totals;
            this.before = before;
            this.known = known;
            this.sync = new BillingSync(
                    stripe,
                    ledger,
                    (tenant, ignored) -> totals.getOrDefault(tenant, 0L),
                    tenant -> Optional.ofNullable(known.get(tenant)),
                    clock);
            this.done = new Done(period);
        }

        void bill(List<String> chunk, ExecutorService pool) {
            Map<String, LedgerEntry> begun =
                    new ConcurrentHashMap<>(ledger.beginAll(chunk, before, period, clock.instant()));
            List<String> ready = new ArrayList<>(chunk.size());
            List<String> open = new ArrayList<>();
            chunk.forEach(tenant -> (known.containsKey(tenant) ? ready : open).add(tenant));
            ready.addAll(await(pool, open, tenant -> {
                try {
                    known.put(tenant, accounts.open(stripe, context(tenant)));
                    return tenant;
                } catch (PaymentsException e) {
                    ledger.failed(tenant, period, e.code().name(), clock.instant());
                    throw e;
                }
            }));
            List<List<UsageEvent>> requests = usageRequests(ready, begun);
            List<String> sent = new ArrayList<>();
            await(pool, requests, events -> sendUsage(events, begun)).forEach(sent::addAll);
            Set<String> unsent = new HashSet<>();
            requests.forEach(
                    events -> events.forEach(event -> unsent.add(event.context().tenant())));
            sent.forEach(unsent::remove);
            List<String> invoiceable =
                    ready.stream().filter(tenant -> !unsent.contains(tenant)).toList();
            await(pool, invoiceable, tenant -> {
                LedgerEntry entry = begun.get(tenant);
                BillingSync.Result result = sync.syncBegun(context(tenant), period, entry, before.containsKey(tenant));
                done.add(new BillingLedger.Invoiced(tenant, result.usageTotal(), result.invoiceId()));
                invoiced.incrementAndGet();
                return tenant;
            });
        }

        /** The meter events of the tenants whose usage Stripe does not hold yet, a stream request's worth each. */
        private List<List<UsageEvent>> usageRequests(List<String> tenants, Map<String, LedgerEntry> begun) {
            Instant timestamp = BillingSync.usageTimestamp(period, clock.instant());
            List<List<UsageEvent>> requests = new ArrayList<>();
            List<UsageEvent> request = new ArrayList<>();
            for (String tenant : tenants) {
                long total = totals.getOrDefault(tenant, 0L);
                LedgerEntry entry = begun.get(tenant);
                if (entry.reached(LedgerEntry.State.USAGE_SENT)) {
                    continue;
                }
                if (total == 0) {
                    // Nothing to send: the invoice bills nothing, and the sync records a total of zero.
                    begun.put(tenant, entry.usageSent(0));
                    continue;
                }
                request.add(new UsageEvent(
                        context(tenant),
                        BillingSync.businessKey(period),
                        known.get(tenant).customerId(),
                        BigDecimal.valueOf(total),
                        timestamp));
                if (request.size() == StripeBackend.MAX_STREAM_EVENTS) {
                    requests.add(request);
                    request = new ArrayList<>();
                }
            }
            if (!request.isEmpty()) {
                requests.add(request);
            }
            return requests;
        }

        /** One stream request; the tenants Stripe took are marked USAGE_SENT at once, the others failed. */
        private List<String> sendUsage(List<UsageEvent> events, Map<String, LedgerEntry> begun) {
            Set<String> refused = new HashSet<>();
            for (StripeBackend.RefusedUsage each : stripe.streamUsage(batchContext(), events)) {
                String tenant = each.event().context().tenant();
                refused.add(tenant);
                ledger.failed(tenant, period, each.error().code().name(), clock.instant());
                fail(tenant, each.error());
            }
            Map<String, Long> sent = new HashMap<>();
            for (UsageEvent event : events) {
                String tenant = event.context().tenant();
                if (!refused.contains(tenant)) {
                    sent.put(tenant, event.value().longValueExact());
                    begun.put(tenant, begun.get(tenant).usageSent(event.value().longValueExact()));
                }
            }
            ledger.usageSentAll(sent, period, clock.instant());
            return List.copyOf(sent.keySet());
        }

        /**
         * Runs {@code step} for each item on the pool and waits for all; a payments error fails that item's tenant
         * only.
         *
         * @return what the steps that succeeded answered
         */
        private <T, R> List<R> await(ExecutorService pool, List<T> items, Step<T, R> step) {
            List<Future<R>> running = new ArrayList<>(items.size());
            for (T item : items) {
                running.add(pool.submit(() -> {
                    try {
                        return step.run(item);
                    } catch (PaymentsException e) {
                        fail(tenantOf(item), e);
                        return null;
                    }
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            RuntimeException unexpected = null;
            for (Future<R> each : running) {
                try {
                    R result = each.get();
                    if (result != null) {
                        results.add(result);
                    }
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
            return results;
        }

        /** Steps over tenants fail their tenant; a stream request reports its tenants itself. */
        private String tenantOf(Object item) {
            return item instanceof String tenant ? tenant : BATCH_TENANT;
        }

        private void fail(String tenant, PaymentsException e) {
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

        private CallContext context(String tenant) {
            return new CallContext(tenant, environment, instance, correlationId);
        }

        /** Stream requests carry many tenants' usage: their call-log lines name no one tenant. */
        private CallContext batchContext() {
            return context(BATCH_TENANT);
        }
    }

    @FunctionalInterface
    private interface Step<T, R> {
        R run(T item);
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
