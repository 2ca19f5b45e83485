package io.maestro.conductor.hub.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The billing sync ({@code conductor.billing.*}; the route is {@code routes/billing-sync.yaml}).
 *
 * @param instance            the platform's own Stripe account as a payments instance, {@code tenant/environment/name};
 *                            empty (the production default) turns the sync off until an operator names one
 * @param interval            how often the singleton route looks for periods to bill
 * @param concurrency         tenants synced at once (each sync waits mostly on Stripe)
 * @param usageFlushInterval  how often adapter call counts go from the metrics to the usage table (what a hub that
 *                            dies loses at most)
 */
@ConfigurationProperties("conductor.billing")
public record BillingProperties(
        @DefaultValue("") String instance,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("8") int concurrency,
        @DefaultValue("10s") Duration usageFlushInterval) {}
