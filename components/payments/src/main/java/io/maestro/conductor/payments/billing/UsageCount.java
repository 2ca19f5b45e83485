package io.maestro.conductor.payments.billing;

/**
 * Billable units a tenant used in one environment and period, from one source: {@code adapter:<category>} for adapter
 * calls, any other name for usage events.
 */
public record UsageCount(String tenant, String environment, BillingPeriod period, String source, long quantity) {

    public UsageCount {
        if (quantity < 0) {
            throw new IllegalArgumentException("usage only grows: quantity must not be negative");
        }
    }
}
