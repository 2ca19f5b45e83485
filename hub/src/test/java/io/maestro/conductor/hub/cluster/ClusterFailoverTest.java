package io.maestro.conductor.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.BillingTenants;
import io.maestro.conductor.hub.support.EvidenceTraffic;
import io.maestro.conductor.hub.support.HubCluster;
import io.maestro.conductor.hub.support.HubProcess;
import io.maestro.conductor.payments.MeteredPrice;
import io.maestro.conductor.payments.MigratedDatabase;
import io.maestro.conductor.payments.billing.BillingPeriod;
import io.maestro.conductor.payments.billing.UsageStore;
import io.maestro.conductor.registry.secret.MasterKeySource;
import io.maestro.conductor.registry.support.TestDatabase;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three hubs as three processes on their own loopback ports, one schema (fresh for the run) of the tests' PostgreSQL,
 * one Hazelcast cluster, one S3Proxy. The billing sync (a singleton) bills 40 tenants through a Stripe sandbox in
 * this JVM, behind a proxy that slows every Stripe call so the run lasts; meanwhile an {@link EvidenceBurst} uploads
 * evidence bundles through all three hubs. The billing leader is killed with SIGKILL in the middle of both. Another
 * hub takes the singleton within 15 s and finishes the period: every tenant has one customer, one meter event and one
 * invoice. Every upload the hubs accepted is stored once (one receipt, objects as sent, verified); every one refused
 * got a coded problem and has no receipt; the receipt chains verify.
 */
@Tag("slow")
class ClusterFailoverTest {

    private static final String KEY = "sk_test_51ClusterFailoverTestKey000000077";
    private static final String PASSWORD = "cluster-failover-operator-password-0123";
    private static final String CLUSTER_SECRET = "cluster-failover-test-secret-000000000000000000";
    private static final int TENANTS = 40;
    /** Per Stripe call until the leader is killed: the run lasts minutes, longer than the other hubs' start. */
    private static final long SLOW_MILLIS = 2000;
    /** Per Stripe call after the kill, so the new leader finishes soon. */
    private static final long FAST_MILLIS = 20;

    private static final BillingPeriod PERIOD =
            BillingPeriod.containing(Clock.systemUTC().instant()).previous();
    private static final String LEADER_LINE = "event=singleton_leader route=billing-sync";
    private static final int BUNDLES = 90;
    /** Uploads accepted before the kill, so every hub is taking the burst when the leader dies. */
    private static final int ACCEPTED_BEFORE_KILL = 15;

    @Test
    void theBillingSingletonMovesWhenItsLeaderIsKilledAndBillsEveryTenantOnce() throws Exception {
        Path root = Files.createTempDirectory("cluster-failover");
        List<String> tenants = BillingTenants.named("fail", TENANTS);
        List<HubProcess> hubs = new ArrayList<>();
        try (TestDatabase database = TestDatabase.postgres();
                StripeSandbox sandbox = StripeSandbox.start(KEY);
                SlowProxy proxy = SlowProxy.start(sandbox.apiBase(), SLOW_MILLIS);
                S3ProxySandbox s3 = S3ProxySandbox.startTransient()) {
            try {
                run(database, sandbox, proxy, s3, root, tenants, hubs);
            } finally {
                // Before the schema is dropped and the sandbox stops.
                hubs.forEach(HubProcess::close);
            }
        }
    }

    private static void run(
            TestDatabase database,
            StripeSandbox sandbox,
            SlowProxy proxy,
            S3ProxySandbox s3,
            Path root,
            List<String> tenants,
            List<HubProcess> hubs)
            throws Exception {
        String price = MeteredPrice.create(sandbox, KEY, "conductor_calls", 1L);
        s3.createBucket(EvidenceTraffic.BUCKET);
        Path tenantConfig = BillingTenants.tenantConfig(
                root.resolve("tenant-config"),
                proxy.base(),
                price,
                tenants,
                EvidenceTraffic.devSecretsYaml(),
                EvidenceTraffic.devAdapterYaml(s3));
        recordUsage(database, tenants);
        Map<String, String> environment = new HashMap<>(EvidenceTraffic.environment(s3));
        environment.putAll(Map.of(
                "ATLAS_DEV_STRIPE_API_KEY",
                KEY,
                MasterKeySource.ENV,
                HubCluster.newMasterKeyset(root.resolve("keys")),
                "CONDUCTOR_OPERATOR_PASSWORD",
                PASSWORD));
        HubCluster cluster = HubCluster.of(3, CLUSTER_SECRET, database.url(), tenantConfig);
        List<String> billing = List.of(
                "--conductor.billing.instance=atlas/dev/billing",
                "--conductor.billing.first-delay=1s",
                "--conductor.billing.concurrency=1");

        // The first hub migrates the schema and loads the tenants alone (no majority yet: no singleton runs);
        // the other two start together. The billing run starts once two members form the majority and lasts
        // (two seconds per Stripe call) until after the third hub is up.
        hubs.addAll(cluster.start(i -> HubProcess.start(
                root.resolve("hub-" + i),
                Stream.concat(cluster.arguments(i).stream(), billing.stream()).toList(),
                environment)));

        BillingTenants.awaitInvoices(sandbox, 2, Duration.ofSeconds(300));
        List<HubProcess> leaders =
                hubs.stream().filter(hub -> hub.output().contains(LEADER_LINE)).toList();
        assertThat(leaders).as("one billing leader").hasSize(1);
        HubProcess leader = leaders.get(0);
        try (EvidenceBurst burst = EvidenceBurst.start(hubs, PASSWORD, BUNDLES)) {
            awaitAccepted(burst, ACCEPTED_BEFORE_KILL, Duration.ofSeconds(240));
            int invoicedAtKill = sandbox.invoices().size();
            assertThat(invoicedAtKill)
                    .as("the billing run is still going when the leader dies")
                    .isLessThan(TENANTS);
            int notStartedAtKill = burst.notStarted();
            assertThat(notStartedAtKill)
                    .as("the evidence burst is still going when the leader dies")
                    .isPositive();
            Instant killed = Instant.now();
            leader.kill();
            proxy.delayMillis().set(FAST_MILLIS);
            List<HubProcess> survivors =
                    hubs.stream().filter(hub -> hub != leader).toList();

            HubProcess next = awaitNewLeader(survivors, Duration.ofSeconds(15));
            Duration failover = Duration.between(killed, Instant.now());
            List<EvidenceBurst.Outcome> outcomes = burst.awaitAll(Duration.ofSeconds(300));
            next.awaitLine("event=billing_sync_done period=" + PERIOD, Duration.ofSeconds(240));

            assertThat(failover).isLessThan(Duration.ofSeconds(15));
            assertThat(survivors.stream().filter(hub -> hub.output().contains(LEADER_LINE)))
                    .as("one new leader")
                    .containsExactly(next);
            BillingTenants.assertBilledOnce(sandbox, tenants, PERIOD);
            Api api = new Api(next.port());
            BurstCheck.assertStoredOnceOrRefused(outcomes, api, PASSWORD, s3);
            assertReceiptChainsValid(api, List.of("atlas", tenants.get(0), tenants.get(TENANTS - 1)));
            System.out.printf(
                    "cluster failover: %d of %d invoiced and %d of %d bundles not started at the kill, singleton moved"
                            + " in %d ms; %d uploads accepted, %d refused, %d met the killed hub and were resent%n",
                    invoicedAtKill,
                    TENANTS + 1,
                    notStartedAtKill,
                    BUNDLES,
                    failover.toMillis(),
                    outcomes.stream().filter(EvidenceBurst.Outcome::accepted).count(),
                    outcomes.stream().filter(o -> !o.accepted()).count(),
                    outcomes.stream().filter(EvidenceBurst.Outcome::cutOff).count());
        }
        String everything = hubs.stream().map(HubProcess::output).collect(Collectors.joining("\n"));
        assertThat(everything)
                .doesNotContain(KEY)
                .doesNotContain(CLUSTER_SECRET)
                .doesNotContain(s3.secretKey());
    }

    private static void awaitAccepted(EvidenceBurst burst, int count, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (burst.accepted() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("fewer than " + count + " uploads accepted after " + patience);
            }
            Thread.sleep(10);
        }
    }

    private static void assertReceiptChainsValid(Api api, List<String> tenants) {
        for (String tenant : tenants) {
            Api.Answer verified = api.get("/api/tenants/" + tenant + "/receipts/verify", "operator", PASSWORD);
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().path("valid").asBoolean())
                    .as(verified.body())
                    .isTrue();
        }
    }

    private static HubProcess awaitNewLeader(List<HubProcess> survivors, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            for (HubProcess hub : survivors) {
                if (hub.output().contains(LEADER_LINE)) {
                    return hub;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no surviving hub took the billing singleton within " + patience);
    }

    private static void recordUsage(TestDatabase database, List<String> tenants) {
        var dataSource = MigratedDatabase.migrate(database.open());
        new UsageStore(dataSource, Clock.systemUTC()).add(BillingTenants.usage(tenants, PERIOD));
    }

    /** A loopback HTTP proxy that holds every request for {@code delayMillis} before passing it on. */
    private record SlowProxy(HttpServer server, AtomicLong delayMillis) implements AutoCloseable {

        private static final Set<String> NOT_FORWARDED =
                Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

        static SlowProxy start(URI target, long initialDelayMillis) throws IOException {
            AtomicLong delay = new AtomicLong(initialDelayMillis);
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> forward(client, target, delay, exchange));
            server.start();
            return new SlowProxy(server, delay);
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private static void forward(HttpClient client, URI target, AtomicLong delay, HttpExchange exchange)
                throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                Thread.sleep(delay.get());
                byte[] body = in.readAllBytes();
                HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
                headers.forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().map().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                exchange.sendResponseHeaders(
                        answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
