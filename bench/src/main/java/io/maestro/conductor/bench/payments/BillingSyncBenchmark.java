package io.maestro.conductor.bench.payments;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.param.InvoiceListParams;
import com.zaxxer.hikari.HikariDataSource;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.bench.BenchLogging;
import io.maestro.conductor.payments.CallContext;
import io.maestro.conductor.payments.MeteredPrice;
import io.maestro.conductor.payments.MigratedDatabase;
import io.maestro.conductor.payments.PaymentsSettings;
import io.maestro.conductor.payments.StripeBackend;
import io.maestro.conductor.payments.billing.BillingAccounts;
import io.maestro.conductor.payments.billing.BillingLedger;
import io.maestro.conductor.payments.billing.BillingPeriod;
import io.maestro.conductor.payments.billing.BillingRun;
import io.maestro.conductor.payments.billing.UsageCount;
import io.maestro.conductor.payments.billing.UsageStore;
import io.maestro.conductor.registry.EmbeddedDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The billing sync of N tenants × M usage rows through stripe-java against the Stripe sandbox (a child process with a
 * heap of its own: it keeps every tenant's objects, events and requests in memory), with the
 * ledger, usage table and billing accounts in an H2 file database (the embedded default's), call logs at INFO to a
 * file. Setup (not timed): each tenant's Stripe customer and subscription, and its usage rows. Timed: one
 * {@link BillingRun} of the period; printed with the peak heap during it (sum of the heap pools' peaks, an upper
 * bound) and, as a same-process baseline, a run of the first {@code baseline} tenants one at a time (concurrency 1,
 * as the sync ran before it had a pool). Every tenant is checked to have exactly one invoice afterwards.
 *
 * <p>Arguments: {@code [tenants] [rows per tenant] [concurrency] [baseline tenants]}, default 10000 100 16 1000. Run
 * with {@code -Xmx256m} so the heap target is also a hard limit.
 */
public final class BillingSyncBenchmark {

    private static final String KEY = "sk_test_51BillingSyncBenchmarkKey0001";
    private static final double TARGET_SECONDS = 10;
    private static final long TARGET_HEAP = 256L << 20;

    private BillingSyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int baseline = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        Path dir = Files.createTempDirectory("conductor-billing-bench");
        BenchLogging.infoToFile(dir.resolve("calls.log"), "io.maestro.conductor");
        Clock clock = Clock.systemUTC();
        BillingPeriod period = BillingPeriod.containing(clock.instant());
        try (SandboxProcess sandbox = SandboxProcess.start(KEY, "2g");
                HikariDataSource dataSource = EmbeddedDatabase.dataSource(EmbeddedDatabase.jdbcUrl(dir))) {
            MigratedDatabase.migrate(dataSource);
            String price = MeteredPrice.create(sandbox.apiBase(), KEY, "conductor_calls", 1L);
            StripeBackend stripe = new StripeBackend(
                    PaymentsSettings.of(price, "conductor_calls").withApiBase(sandbox.apiBase()), new Secret(KEY));
            BillingAccounts accounts = new BillingAccounts(dataSource, clock);
            UsageStore usage = new UsageStore(dataSource, clock);
            List<String> measured = names("t-", tenants);
            List<String> sequential = names("b-", baseline);
            long setup = System.nanoTime();
            prepare(stripe, accounts, usage, sequential, rows, period, concurrency);
            prepare(stripe, accounts, usage, measured, rows, period, concurrency);
            System.out.printf(
                    Locale.ROOT,
                    "setup: %d + %d tenants with Stripe accounts and %d usage rows each in %.1f s%n",
                    tenants,
                    baseline,
                    rows,
                    seconds(System.nanoTime() - setup));

            BillingLedger ledger = new BillingLedger(dataSource);
            double baseSeconds = timed(() -> new BillingRun(ledger, usage, accounts, clock, 1)
                    .run(stripe, "prod", "billing", sequential, period, "bench-baseline"));
            resetPeaks();
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long cpuBefore = processCpuNanos();
            long sandboxCpuBefore = sandbox.cpuNanos();
            long start = System.nanoTime();
            BillingRun.Summary summary = new BillingRun(ledger, usage, accounts, clock, concurrency)
                    .run(stripe, "prod", "billing", measured, period, "bench");
            double runSeconds = seconds(System.nanoTime() - start);
            double cpuSeconds = seconds(processCpuNanos() - cpuBefore);
            double sandboxCpuSeconds = seconds(sandbox.cpuNanos() - sandboxCpuBefore);
            long peakHeap = peakHeap();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            long invoices = countInvoices(sandbox.apiBase());
            System.out.printf(
                    Locale.ROOT,
                    "baseline: %d tenants one at a time in %.2f s (%.2f ms a tenant)%n",
                    baseline,
                    baseSeconds,
                    baseSeconds * 1000 / baseline);
            System.out.printf(
                    Locale.ROOT,
                    "billing sync: %d tenants x %d usage rows, concurrency %d: %.2f s (%.2f ms a tenant, x%.1f the "
                            + "baseline's rate), peak heap %d MiB (max %d MiB); invoiced %d, failed %d%n",
                    tenants,
                    rows,
                    concurrency,
                    runSeconds,
                    runSeconds * 1000 / tenants,
                    (baseSeconds / baseline) / (runSeconds / tenants),
                    peakHeap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    summary.invoiced(),
                    summary.failed());
            System.out.printf(
                    Locale.ROOT,
                    "cpu: %.1f s of this process (database included, the sandbox process not; the sandbox's: %.1f s) for "
                            + "%.2f s wall on %d cores, load average %.1f -> %.1f; %.2f ms cpu a tenant%n",
                    cpuSeconds,
                    sandboxCpuSeconds,
                    runSeconds,
                    Runtime.getRuntime().availableProcessors(),
                    loadBefore,
                    loadAfter,
                    cpuSeconds * 1000 / tenants);
            System.out.printf(
                    Locale.ROOT,
                    "targets: <= %.0f s %s, <= %d MiB heap %s; one invoice per tenant %s (%d invoices, %d tenants)%n",
                    TARGET_SECONDS,
                    runSeconds <= TARGET_SECONDS ? "met" : "NOT met",
                    TARGET_HEAP >> 20,
                    peakHeap <= TARGET_HEAP ? "met" : "NOT met",
                    invoices == tenants + baseline ? "yes" : "NO",
                    invoices,
                    tenants + baseline);
        }
    }

    /** Every invoice of the account, paged through the API as a Stripe client would. */
    private static long countInvoices(URI apiBase) throws StripeException {
        StripeClient client = StripeClient.builder()
                .setApiKey(KEY)
                .setApiBase(apiBase.toString())
                .build();
        long count = 0;
        for (Invoice ignored : client.v1()
                .invoices()
                .list(InvoiceListParams.builder().setLimit(100L).build())
                .autoPagingIterable()) {
            count++;
        }
        return count;
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    /** Each tenant's customer and subscription at the sandbox, and {@code rows} usage rows of 1 to 10 units. */
    private static void prepare(
            StripeBackend stripe,
            BillingAccounts accounts,
            UsageStore usage,
            List<String> tenants,
            int rows,
            BillingPeriod period,
            int concurrency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> opened = new ArrayList<>();
            for (String tenant : tenants) {
                opened.add(
                        pool.submit(() -> accounts.open(stripe, new CallContext(tenant, "prod", "billing", "setup"))));
            }
            for (Future<?> each : opened) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<UsageCount> batch = new ArrayList<>();
        for (String tenant : tenants) {
            for (int row = 0; row < rows; row++) {
                batch.add(new UsageCount(tenant, "prod", period, "adapter:source-" + row, 1 + row % 10));
            }
            if (batch.size() >= 10_000) {
                usage.add(batch);
                batch.clear();
            }
        }
        usage.add(batch);
    }

    private static double timed(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return seconds(System.nanoTime() - start);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream()
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }
}
