package io.maestro.conductor.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.payments.billing.BillingPeriod;
import io.maestro.conductor.payments.billing.UsageCount;
import io.maestro.conductor.sandbox.stripe.StripeSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tenants to bill for the tests that kill hubs in a billing run: {@code <prefix>-NN} with usage {@code 10 + NN}, atlas
 * holding the platform's billing instance, and the check that each was billed exactly once.
 */
public final class BillingTenants {

    private BillingTenants() {}

    public static List<String> named(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("%s-%02d", prefix, i))
                .toList();
    }

    /** The usage of a tenant named by {@link #named}: 10 + its number. */
    public static long usageOf(String tenant) {
        return 10 + Integer.parseInt(tenant.substring(tenant.lastIndexOf('-') + 1));
    }

    public static List<UsageCount> usage(List<String> tenants, BillingPeriod period) {
        return tenants.stream()
                .map(tenant -> new UsageCount(tenant, "prod", period, "adapter:storage", usageOf(tenant)))
                .toList();
    }

    /** A tenant-config dir: atlas with the platform's billing instance on {@code stripeApi}, and the tenants to bill. */
    public static Path tenantConfig(Path dir, URI stripeApi, String price, List<String> tenants) throws IOException {
        return tenantConfig(dir, stripeApi, price, tenants, "", "");
    }

    /**
     * As {@link #tenantConfig(Path, URI, String, List)}, atlas dev having more secrets and adapters: YAML entries
     * indented as the entries of {@code environments.dev.secrets} and {@code environments.dev.adapters}.
     */
    public static Path tenantConfig(
            Path dir, URI stripeApi, String price, List<String> tenants, String devSecrets, String devAdapters)
            throws IOException {
        AtlasTenant.write(dir, """
                      - name: billing-api-key
                        fromEnv: ATLAS_DEV_STRIPE_API_KEY
                """ + devSecrets, devAdapters + """
                      billing:
                        definition: stripe-payments
                        region: eu-west-1
                        config:
                          endpoint: "%s"
                          apiKey: secret:billing-api-key
                          priceId: %s
                          meterEventName: conductor_calls
                """.formatted(stripeApi, price));
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

    public static int awaitInvoices(StripeSandbox sandbox, int count, Duration patience) throws InterruptedException {
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

    /**
     * Each tenant (and atlas) has one invoice of {@code period} for its usage, one customer, and one meter event, as
     * the sandbox recorded them.
     */
    public static void assertBilledOnce(StripeSandbox sandbox, List<String> tenants, BillingPeriod period) {
        Map<String, Long> invoices = countBy(
                sandbox.invoices(),
                invoice -> invoice.path("metadata").path("conductor_tenant").asText());
        assertThat(invoices)
                .hasSize(tenants.size() + 1)
                .allSatisfy((tenant, count) -> assertThat(count).as(tenant).isEqualTo(1));
        assertThat(countBy(
                        sandbox.customers(),
                        customer -> customer.path("metadata")
                                .path("conductor_tenant")
                                .asText()))
                .allSatisfy((tenant, count) -> assertThat(count).as(tenant).isEqualTo(1));
        assertThat(sandbox.meterEvents()).hasSize(tenants.size());
        for (JsonNode invoice : sandbox.invoices()) {
            String tenant = invoice.path("metadata").path("conductor_tenant").asText();
            long expected = tenants.contains(tenant) ? usageOf(tenant) : 0;
            assertThat(invoice.path("amount_due").asLong()).as(tenant).isEqualTo(expected);
            assertThat(invoice.path("metadata").path("conductor_period").asText())
                    .isEqualTo(period.toString());
        }
    }

    private static Map<String, Long> countBy(List<JsonNode> objects, Function<JsonNode, String> key) {
        return objects.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
