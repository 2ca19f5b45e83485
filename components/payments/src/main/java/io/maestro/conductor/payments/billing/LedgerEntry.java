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

    /** A new entry: the first attempt at the period, nothing done yet. */
    static LedgerEntry started(String tenant, BillingPeriod period, Instant now) {
        return new LedgerEntry(tenant, period, State.STARTED, null, null, null, 1, now);
    }

    /** This entry with one more attempt, made {@code now}. */
    LedgerEntry attempted(Instant now) {
        return new LedgerEntry(tenant, period, state, usageTotal, invoiceId, lastError, attempts + 1, now);
    }

    /** This entry once Stripe has taken its usage total. */
    LedgerEntry usageSent(long total) {
        return new LedgerEntry(tenant, period, State.USAGE_SENT, total, invoiceId, lastError, attempts, lastSyncAt);
    }

    public boolean reached(State step) {
        return state.compareTo(step) >= 0;
    }
}
