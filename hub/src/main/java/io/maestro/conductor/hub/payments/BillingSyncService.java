package io.maestro.conductor.hub.payments;

import io.maestro.conductor.adapter.AdapterHeaders;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.payments.PaymentsComponent;
import io.maestro.conductor.payments.StripeBackend;
import io.maestro.conductor.payments.billing.BillingPeriod;
import io.maestro.conductor.payments.billing.BillingRun;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.Tenant;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code routes/billing-sync.yaml} calls: bills every tenant of the registry for a period through the
 * platform's billing instance ({@code conductor.billing.instance}). The call passes the governance gate once per
 * run (action {@code payments.billing_sync}) and uses the payments component's client for the instance, so Stripe
 * calls are the adapter's own (retries, idempotency keys, call log).
 */
public class BillingSyncService {

    /** Header naming the period to bill ({@code 2026-11}); without it, the month before the current one. */
    public static final String PERIOD_HEADER = "ConductorBillingPeriod";

    static final String ACTOR = "system:billing-sync";
    private static final Logger LOG = LoggerFactory.getLogger(BillingSyncService.class);

    private final Registry registry;
    private final BillingRun billing;
    private final BillingProperties properties;
    private final Clock clock;

    public BillingSyncService(Registry registry, BillingRun billing, BillingProperties properties, Clock clock) {
        this.registry = registry;
        this.billing = billing;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the run's summary, or null when no billing instance is configured */
    public BillingRun.Summary run(Exchange exchange) {
        if (properties.instance().isBlank()) {
            LOG.info("event=billing_sync_off reason=\"conductor.billing.instance is not set\"");
            return null;
        }
        String[] parts = properties.instance().split("/", -1);
        if (parts.length != 3) {
            throw new IllegalStateException("conductor.billing.instance must be tenant/environment/instance");
        }
        InstanceRef ref = new InstanceRef(parts[0], parts[1], parts[2]);
        PaymentsComponent payments = exchange.getContext().getComponent("payments", PaymentsComponent.class);
        ResolvedInstance instance = payments.getInstanceResolver().resolve(ref, PaymentsComponent.CATEGORY);
        exchange.getMessage().setHeader(AdapterHeaders.ACTOR, ACTOR);
        Invocation invocation = Invocation.of(instance, "billing_sync", exchange.getMessage());
        payments.authorize(invocation);
        StripeBackend stripe = payments.delegateFor(instance);
        String requested = exchange.getMessage().getHeader(PERIOD_HEADER, String.class);
        BillingPeriod period = requested == null || requested.isBlank()
                ? BillingPeriod.containing(clock.instant()).previous()
                : BillingPeriod.parse(requested);
        List<String> tenants = registry.tenants().stream().map(Tenant::id).toList();
        BillingRun.Summary summary =
                billing.run(stripe, ref.environment(), ref.instance(), tenants, period, invocation.correlationId());
        LOG.info(
                "event=billing_sync_done period={} tenants={} invoiced={} already_invoiced={} failed={} "
                        + "correlationId={}",
                period,
                tenants.size(),
                summary.invoiced(),
                summary.alreadyInvoiced(),
                summary.failed(),
                invocation.correlationId());
        return summary;
    }
}
