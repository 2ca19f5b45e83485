package io.maestro.conductor.payments.billing;

/** Where a tenant's billable usage of a period comes from (adapter call counts, usage events). */
@FunctionalInterface
public interface UsageSource {

    /** The tenant's usage in the period, summed over all its rows (each row a count of billable units). */
    long total(String tenant, BillingPeriod period);
}
