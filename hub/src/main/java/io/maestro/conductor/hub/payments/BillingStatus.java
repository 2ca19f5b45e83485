package io.maestro.conductor.hub.payments;

import io.maestro.conductor.payments.billing.BillingLedger;
import io.maestro.conductor.payments.billing.LedgerEntry;
import java.time.Instant;

/**
 * A tenant's billing as {@code GET /api/tenants/{t}/billing/status} shows it: its most recently synced period.
 *
 * @param outcome   {@code NOT_SYNCED} (never), {@code INVOICED}, {@code FAILED} (the last attempt failed with
 *                  {@code errorCode}; the next run resumes it) or {@code IN_PROGRESS}
 * @param state     the ledger step reached: {@code STARTED}, {@code USAGE_SENT}, {@code INVOICED}
 */
public record BillingStatus(
        String tenant,
        String period,
        String outcome,
        String state,
        Instant lastSyncAt,
        String errorCode,
        Integer attempts,
        Long usageTotal,
        String invoiceId) {

    /** The tenant's status from the ledger: what the billing status API and the health instance view show. */
    public static BillingStatus of(BillingLedger ledger, String tenant) {
        return ledger.latest(tenant).map(BillingStatus::of).orElseGet(() -> notSynced(tenant));
    }

    static BillingStatus notSynced(String tenant) {
        return new BillingStatus(tenant, null, "NOT_SYNCED", null, null, null, null, null, null);
    }

    static BillingStatus of(LedgerEntry entry) {
        String outcome = entry.reached(LedgerEntry.State.INVOICED)
                ? "INVOICED"
                : entry.lastError() != null ? "FAILED" : "IN_PROGRESS";
        return new BillingStatus(
                entry.tenant(),
                entry.period().toString(),
                outcome,
                entry.state().name(),
                entry.lastSyncAt(),
                entry.lastError(),
                entry.attempts(),
                entry.usageTotal(),
                entry.invoiceId());
    }
}
