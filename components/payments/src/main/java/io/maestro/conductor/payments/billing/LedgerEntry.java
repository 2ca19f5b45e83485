package io.maestro.conductor.payments.billing;

import java.time.Instant;

/** Where the sync of one tenant and period stands. */
public record LedgerEntry(
        String tenant,
        BillingPeriod period,
        State state,
        Long usageTotal,
        String invoiceId,
        String lastError,
        int attempts,
        Instant lastSyncAt) {

    /** The steps of a sync, in order; a sync resumes after the last one reached. */
    public enum State {
        STARTED,
        USAGE_SENT,
        INVOICED
    }

    public boolean reached(State step) {
        return state.compareTo(step) >= 0;
    }
}
