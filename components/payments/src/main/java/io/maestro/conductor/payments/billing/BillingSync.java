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
        try {
            BillingAccount account = accounts.apply(tenant)
                    .orElseThrow(() -> new PaymentsException(
                            PaymentsErrorCode.PAYMENTS_REQUEST_INVALID,
                            context.instanceId(),
                            "tenant has no billing account"));
            long total = entry.reached(LedgerEntry.State.USAGE_SENT)
                    ? entry.usageTotal()
                    : sendUsage(context, period, account);
            Invoice invoice = (before.isPresent() ? findInvoice(context, account, period) : Optional.<Invoice>empty())
                    .orElseGet(() -> stripe.createDraftInvoice(
                            context,
                            businessKey(period),
                            account.customerId(),
                            account.subscriptionId(),
                            Map.of(PERIOD_METADATA, period.toString())));
            ledger.invoiced(tenant, period, invoice.getId(), clock.instant());
            return new Result(Outcome.INVOICED, invoice.getId(), total);
        } catch (PaymentsException e) {
            ledger.failed(tenant, period, e.code().name(), clock.instant());
            throw e;
        }
    }

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
                if (e.code() != PaymentsErrorCode.PAYMENTS_DUPLICATE) {
                    throw e;
                }
                // Stripe holds this period's event already: it was sent before a crash.
            }
        }
        ledger.usageSent(context.tenant(), period, total, clock.instant());
        return total;
    }

    /** A retried sync first looks for the invoice an interrupted one may have created. */
    private Optional<Invoice> findInvoice(CallContext context, BillingAccount account, BillingPeriod period) {
        return stripe.findInvoice(context, account.customerId(), PERIOD_METADATA, period.toString());
    }

    /** Inside the period (Stripe takes events up to 35 days old): its last second, or now while it runs. */
    private Instant usageTimestamp(BillingPeriod period) {
        Instant now = clock.instant();
        Instant last = period.end().minusSeconds(1);
        return now.isBefore(last) ? now : last;
    }

    private static String businessKey(BillingPeriod period) {
        return "billing:" + period;
    }
}
