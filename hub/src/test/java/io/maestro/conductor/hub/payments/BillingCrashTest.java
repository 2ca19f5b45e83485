package io.maestro.conductor.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.HubProcess;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.payments.MeteredPrice;
import io.maestro.conductor.payments.MigratedDatabase;
import io.maestro.conductor.payments.billing.BillingPeriod;
import io.maestro.conductor.payments.billing.UsageCount;
import io.maestro.conductor.payments.billing.UsageStore;
import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hub as its own process, killed with SIGKILL in the middle of a billing run and started again on the same data
 * dir: every tenant is billed exactly once for the period, as the Stripe sandbox (in this JVM, so it outlives the
 * hub) records it: one customer, one meter event with the tenant's usage, one invoice of the period.
 */
@Tag("slow")
class BillingCrashTest {

    private static final String KEY = "sk_test_51BillingCrashTestKey00000077";
    private static final int TENANTS = 40;
    private static final BillingPeriod PERIOD =
            BillingPeriod.containing(Clock.systemUTC().instant()).previous();

    @Test
    void aHubKilledMidRunBillsEveryTenantOnceAfterItsRestart() throws Exception {
        Path root = Files.createTempDirectory("billing-crash");
        Path dataDir = root.resolve("data");
        List<String> tenants = IntStream.range(0, TENANTS)
                .mapToObj(i -> String.format("crash-%02d", i))
                .toList();
        try (StripeSandbox sandbox = StripeSandbox.start(KEY)) {
            String price = MeteredPrice.create(sandbox, KEY, "conductor_calls", 1L);
            Path tenantConfig = tenantConfig(root.resolve("tenant-config"), sandbox, price, tenants);
            recordUsage(dataDir, tenants);
            List<String> arguments = List.of(
                    "--conductor.tenant-config-dir=" + tenantConfig,
                    "--conductor.policy.bundle-dirs=" + HubProperties.repositoryPath("residency-policies") + ","
                            + HubProperties.repositoryPath("governance-policies"),
                    "--conductor.billing.instance=atlas/dev/billing",
                    "--conductor.billing.first-delay=1s",
                    "--conductor.billing.concurrency=1");
            Map<String, String> environment = Map.of("ATLAS_DEV_STRIPE_API_KEY", KEY);

            HubProcess first = HubProcess.start(dataDir, arguments, environment);
            int invoicedBeforeKill;
            try {
                invoicedBeforeKill = awaitInvoices(sandbox, TENANTS / 4, Duration.ofSeconds(120));
            } finally {
                first.kill();
            }
            int atKill = sandbox.invoices().size();
            HubProcess second = HubProcess.start(dataDir, arguments, environment);
            try {
                awaitLine(second, "event=billing_sync_done period=" + PERIOD, Duration.ofSeconds(120));
            } finally {
                second.close();
            }

            assertThat(invoicedBeforeKill).as("killed mid-run").isBetween(TENANTS / 4, TENANTS - 1);
            assertThat(atKill).isLessThan(TENANTS + 1);
            Map<String, Long> invoices = countBy(
                    sandbox.invoices(),
                    invoice -> invoice.path("metadata").path("conductor_tenant").asText());
            Map<String, Long> customers = countBy(
                    sandbox.customers(),
                    customer ->
                            customer.path("metadata").path("conductor_tenant").asText());
            assertThat(invoices)
                    .hasSize(tenants.size() + 1)
                    .allSatisfy((tenant, count) -> assertThat(count).as(tenant).isEqualTo(1));
            assertThat(sandbox.invoices())
                    .allSatisfy(invoice -> assertThat(invoice.path("metadata")
                                    .path("conductor_period")
                                    .asText())
                            .isEqualTo(PERIOD.toString()));
            assertThat(customers)
                    .allSatisfy((tenant, count) -> assertThat(count).as(tenant).isEqualTo(1));
            assertThat(sandbox.meterEvents()).hasSize(tenants.size());
            for (JsonNode invoice : sandbox.invoices()) {
                String tenant =
                        invoice.path("metadata").path("conductor_tenant").asText();
                long expected = tenant.startsWith("crash-") ? usageOf(tenant) : 0;
                assertThat(invoice.path("amount_due").asLong()).as(tenant).isEqualTo(expected);
            }
            assertThat(first.output() + second.output()).doesNotContain(KEY);
        }
    }

    /** Atlas with the platform's billing instance on the sandbox, and the tenants to bill. */
    private static Path tenantConfig(Path dir, StripeSandbox sandbox, String price, List<String> tenants)
            throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("atlas.yaml"), """
                id: atlas
                name: Atlas Platform Team
                kind: internal
                environments:
                  dev:
                    secrets:
                      - name: billing-api-key
                        fromEnv: ATLAS_DEV_STRIPE_API_KEY
                    adapters:
                      billing:
                        definition: stripe-payments
                        region: eu-west-1
                        config:
                          endpoint: "%s"
                          apiKey: secret:billing-api-key
                          priceId: %s
                          meterEventName: conductor_calls
                """.formatted(sandbox.apiBase(), price));
        for (String tenant : tenants) {
            Files.writeString(dir.resolve(tenant + ".yaml"), """
                    id: %s
                    name: Tenant %s
                    kind: saas
                    environments:
                      prod: {}
                    """.formatted(tenant, tenant));
        }
        return dir;
    }

    /** The usage table as the hub will find it: the embedded database created and migrated ahead of the hub. */
    private static void recordUsage(Path dataDir, List<String> tenants) {
        // H2 loads here before any hub of this JVM starts; the hubs refuse an H2 whose server port is not
        // loopback-only.
        System.setProperty("h2.bindAddress", EmbeddedDatabase.LOOPBACK);
        String url = EmbeddedDatabase.jdbcUrl(dataDir);
        DataSource dataSource =
                MigratedDatabase.migrate(EmbeddedDatabase.unpooled(url, EmbeddedDatabase.password(dataDir)));
        List<UsageCount> rows = new ArrayList<>();
        for (String tenant : tenants) {
            rows.add(new UsageCount(tenant, "prod", PERIOD, "adapter:storage", usageOf(tenant)));
        }
        new UsageStore(dataSource, Clock.systemUTC()).add(rows);
    }

    private static long usageOf(String tenant) {
        return 10 + Integer.parseInt(tenant.substring("crash-".length()));
    }

    private static int awaitInvoices(StripeSandbox sandbox, int count, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            int invoices = sandbox.invoices().size();
            if (invoices >= count) {
                return invoices;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("fewer than " + count + " invoices after " + patience);
    }

    private static void awaitLine(HubProcess hub, String line, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (hub.output().contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + line + "' after " + patience + ":\n" + hub.output());
    }

    private static Map<String, Long> countBy(List<JsonNode> objects, Function<JsonNode, String> key) {
        return objects.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
