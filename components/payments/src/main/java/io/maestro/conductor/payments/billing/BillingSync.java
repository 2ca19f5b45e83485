package io.maestro.conductor.payments.billing;

import com.stripe.model.Invoice;
import io.maestro.conductor.payments.CallContext;
import io.maestro.conductor.payments.PaymentsErrorCode;
import io.maestro.conductor.payments.PaymentsException;
import io.maestro.conductor.payments.StripeBackend;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bills one tenant for one period, exactly once across retries and restarts: the usage total goes to Stripe as one
 * meter event, then a draft invoice bills the subscription's metered usage. Each step is written to the
 * {@link BillingLedger} before the next, a synced period is never synced again, and each Stripe call's business key
 * is the period, so a step redone after a crash is answered by Stripe's replay (or, for the invoice, found by its
 * {@code conductor_period} metadata) instead of billing twice.
 */
public final class BillingSync {

    /** Invoice metadata key naming the period an invoice bills. */
    public static final String PERIOD_METADATA = "conductor_period";

    /** What a sync did. */
    public enum Outcome {
        INVOICED,
        ALREADY_INVOICED
    }

    public record Result(Outcome outcome, String invoiceId, long usageTotal) {}

    private final StripeBackend stripe;
    private final BillingLedger ledger;
    private final UsageSource usage;
    private final Function<String, Optional<BillingAccount>> accounts;
    private final Clock clock;

    public BillingSync(
            StripeBackend stripe,
            BillingLedger ledger,
            UsageSource usage,
            Function<String, Optional<BillingAccount>> accounts,
            Clock clock) {
        this.stripe = stripe;
        this.ledger = ledger;
        this.usage = usage;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * @throws PaymentsException when a step fails; the ledger keeps the steps done and the error code, and the next
     *                           sync of the period continues from there
     */
    public Result sync(CallContext context, BillingPeriod period) {
        return sync(context, period, ledger.find(context.tenant(), period));
    }

    /**
     * As {@link #sync(CallContext, BillingPeriod)}, with the tenant's ledger entry of the period read beforehand
     * ({@link BillingLedger#entries}: a run over many tenants reads them in one query).
     */
    public Result sync(CallContext context, BillingPeriod period, Optional<LedgerEntry> before) {
        String tenant = context.tenant();
        if (before.isPresent() && before.get().reached(LedgerEntry.State.INVOICED)) {
            return new Result(
                    Outcome.ALREADY_INVOICED,
                    before.get().invoiceId(),
                    before.get().usageTotal());
        }
        LedgerEntry entry = ledger.begin(tenant, period, before, clock.instant());
        Result result = stripeSteps(context, period, before.isPresent(), entry, true);
        ledger.invoiced(tenant, period, result.invoiceId(), clock.instant());
        return result;
    }

    /**
     * The Stripe steps of a sync whose ledger entry the caller has begun ({@link BillingLedger#beginAll}), without
     * writing their success: the caller marks many tenants INVOICED at once ({@link BillingLedger#invoicedAll}).
     * A failure is written at once, with the usage total when the meter event went out.
     *
     * @param resumed whether the entry existed before this run began it (an interrupted sync: the invoice may exist)
     */
    public Result syncBegun(CallContext context, BillingPeriod period, LedgerEntry entry, boolean resumed) {
        return stripeSteps(context, period, resumed, entry, false);
    }

    private Result stripeSteps(
            CallContext context, BillingPeriod period, boolean resumed, LedgerEntry entry, boolean writeEachStep) {
        String tenant = context.tenant();
        Long sent = null;
        try {
            BillingAccount account = accounts.apply(tenant)
                    .orElseThrow(() -> new PaymentsException(
                            PaymentsErrorCode.PAYMENTS_REQUEST_INVALID,
                            context.instanceId(),
                            "tenant has no billing account"));
            long total;
            if (entry.reached(LedgerEntry.State.USAGE_SENT)) {
                total = entry.usageTotal();
            } else {
                total = sendUsage(context, period, account);
                if (writeEachStep) {
                    ledger.usageSent(tenant, period, total, clock.instant());
                } else {
                    sent = total;
                }
            }
            Invoice invoice = (resumed ? findInvoice(context, account, period) : Optional.<Invoice>empty())
                    .orElseGet(() -> stripe.createDraftInvoice(
                            context,
                            businessKey(period),
                            account.customerId(),
                            account.subscriptionId(),
                            Map.of(PERIOD_METADATA, period.toString())));
            return new Result(Outcome.INVOICED, invoice.getId(), total);
        } catch (PaymentsException e) {
            if (sent != null) {
                ledger.usageSent(tenant, period, sent, clock.instant());
            }
            ledger.failed(tenant, period, e.code().name(), clock.instant());
            throw e;
        }
    }

    /** Sends the period's usage total as one meter event (none for zero); Stripe holding it already is success. */
    private long sendUsage(CallContext context, BillingPeriod period, BillingAccount account) {
        long total = usage.total(context.tenant(), period);
        if (total > 0) {
            try {
                stripe.recordUsage(
                        context,
                        businessKey(period),
                        account.customerId(),
                        BigDecimal.valueOf(total),
                        usageTimestamp(period));
            } catch (PaymentsException e) {
                if (e.code() != PaymentsErrorCode.PAYMENTS_DUPLICATE
                        && e.code() != PaymentsErrorCode.PAYMENTS_IDEMPOTENCY_CONFLICT) {
                    throw e;
                }
                // Stripe holds this period's event already: it was sent before a crash. Its identifier and
                // idempotency key both derive from tenant and period alone, so a key "used with other parameters"
                // is this period's event sent earlier with another timestamp (billing the running period stamps
                // events "now"): Stripe has it, and would refuse it again by its identifier.
            }
        }
        return total;
    }

    /** A retried sync first looks for the invoice an interrupted one may have created. */
    private Optional<Invoice> findInvoice(CallContext context, BillingAccount account, BillingPeriod period) {
        return stripe.findInvoice(context, account.customerId(), PERIOD_METADATA, period.toString());
    }

    private Instant usageTimestamp(BillingPeriod period) {
        return usageTimestamp(period, clock.instant());
    }

    /** Inside the period (Stripe takes events up to 35 days old): its last second, or now while it runs. */
    static Instant usageTimestamp(BillingPeriod period, Instant now) {
        Instant last = period.end().minusSeconds(1);
        return now.isBefore(last) ? now : last;
    }

    /** What a period's meter event and invoice derive their identifier and idempotency keys from. */
    static String businessKey(BillingPeriod period) {
        return "billing:" + period;
    }
}
