package io.maestro.conductor.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.BillingTenants;
import io.maestro.conductor.hub.support.HubProcess;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.payments.MeteredPrice;
import io.maestro.conductor.payments.MigratedDatabase;
import io.maestro.conductor.payments.billing.BillingPeriod;
import io.maestro.conductor.payments.billing.UsageStore;
import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        List<String> tenants = BillingTenants.named("crash", TENANTS);
        try (StripeSandbox sandbox = StripeSandbox.start(KEY)) {
            String price = MeteredPrice.create(sandbox, KEY, "conductor_calls", 1L);
            Path tenantConfig =
                    BillingTenants.tenantConfig(root.resolve("tenant-config"), sandbox.apiBase(), price, tenants);
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
                invoicedBeforeKill = BillingTenants.awaitInvoices(sandbox, TENANTS / 4, Duration.ofSeconds(120));
            } finally {
                first.kill();
            }
            int atKill = sandbox.invoices().size();
            HubProcess second = HubProcess.start(dataDir, arguments, environment);
            try {
                second.awaitLine("event=billing_sync_done period=" + PERIOD, Duration.ofSeconds(120));
            } finally {
                second.close();
            }

            assertThat(invoicedBeforeKill).as("killed mid-run").isBetween(TENANTS / 4, TENANTS - 1);
            assertThat(atKill).isLessThan(TENANTS + 1);
            BillingTenants.assertBilledOnce(sandbox, tenants, PERIOD);
            assertThat(first.output() + second.output()).doesNotContain(KEY);
        }
    }

    /** The usage table as the hub will find it: the embedded database created and migrated ahead of the hub. */
    private static void recordUsage(Path dataDir, List<String> tenants) {
        // H2 loads here before any hub of this JVM starts; the hubs refuse an H2 whose server port is not
        // loopback-only.
        System.setProperty("h2.bindAddress", EmbeddedDatabase.LOOPBACK);
        String url = EmbeddedDatabase.jdbcUrl(dataDir);
        DataSource dataSource =
                MigratedDatabase.migrate(EmbeddedDatabase.unpooled(url, EmbeddedDatabase.password(dataDir)));
        new UsageStore(dataSource, Clock.systemUTC()).add(BillingTenants.usage(tenants, PERIOD));
    }
}
