package io.maestro.conductor.hub.payments;

import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.adapter.secret.SecretResolver;
import io.maestro.conductor.payments.SqlProcessedWebhookEvents;
import io.maestro.conductor.payments.WebhookVerifier;
import io.maestro.conductor.payments.billing.BillingAccounts;
import io.maestro.conductor.payments.billing.BillingLedger;
import io.maestro.conductor.payments.billing.BillingRun;
import io.maestro.conductor.payments.billing.UsageStore;
import io.maestro.conductor.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Payments on the hub: Stripe webhook intake, the usage table fed from the adapter metrics, and the billing sync
 * that {@code routes/billing-sync.yaml} runs (bean {@code billingSync}). The tables are the payments jar's
 * migrations, run by the registry's Flyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({PaymentsProperties.class, BillingProperties.class})
public class PaymentsConfiguration {

    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    SqlProcessedWebhookEvents processedWebhookEvents(DataSource dataSource) {
        return new SqlProcessedWebhookEvents(dataSource, CLOCK);
    }

    @Bean
    WebhookEventRetention webhookEventRetention(SqlProcessedWebhookEvents processed, PaymentsProperties properties) {
        return new WebhookEventRetention(processed, properties.webhookRetention(), CLOCK);
    }

    @Bean
    WebhookIntake webhookIntake(
            Registry registry,
            InstanceResolver instances,
            SecretResolver secrets,
            SqlProcessedWebhookEvents processed,
            PaymentsProperties properties,
            MeterRegistry meters) {
        WebhookVerifier verifier = new WebhookVerifier(properties.webhookTolerance(), CLOCK, processed);
        return new WebhookIntake(registry, instances, secrets, verifier, meters);
    }

    @Bean
    UsageStore usageStore(DataSource dataSource) {
        return new UsageStore(dataSource, CLOCK);
    }

    /** Flushed once more when the hub stops, so a clean stop loses no counts. */
    @Bean(destroyMethod = "flush")
    AdapterUsageRecorder adapterUsageRecorder(MeterRegistry meters, UsageStore usage) {
        return new AdapterUsageRecorder(meters, usage, CLOCK);
    }

    @Bean
    BillingLedger billingLedger(DataSource dataSource) {
        return new BillingLedger(dataSource);
    }

    @Bean
    BillingSyncService billingSync(
            Registry registry,
            BillingLedger ledger,
            UsageStore usage,
            DataSource dataSource,
            BillingProperties properties) {
        BillingRun run =
                new BillingRun(ledger, usage, new BillingAccounts(dataSource, CLOCK), CLOCK, properties.concurrency());
        return new BillingSyncService(registry, run, properties, CLOCK);
    }
}
