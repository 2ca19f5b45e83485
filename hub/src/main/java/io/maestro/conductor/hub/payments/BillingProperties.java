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
 * @param firstDelay          how long after start the route first runs (read by routes/billing-sync.yaml)
 * @param redeliveries       redeliveries of a run that fails as a whole before it is dead-lettered (route)
 * @param redeliveryDelayMs  first delay between those redeliveries, doubled each time (route)
 */
@ConfigurationProperties("conductor.billing")
public record BillingProperties(
        @DefaultValue("") String instance,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("8") int concurrency,
        @DefaultValue("10s") Duration usageFlushInterval,
        @DefaultValue("30s") Duration firstDelay,
        @DefaultValue("3") int redeliveries,
        @DefaultValue("2000") long redeliveryDelayMs) {}
