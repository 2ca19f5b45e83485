package io.maestro.conductor.hub.health;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.maestro.conductor.hub.payments.BillingStatus;
import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.payments.PaymentsComponent;
import io.maestro.conductor.payments.billing.BillingLedger;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adapter instance health, the cluster's view: every instance the caller's tenant scope covers (a tenant user sees
 * only their tenants; naming another tenant is the same 404 as an unknown one), filtered by tenant, category and
 * status. Never part of the hub's own health: an instance's outage is its tenant's, not the hub's.
 */
@RestController
public class AdapterHealthController {

    private final AdapterHealthService health;
    private final TenantAccess access;
    private final Registry registry;
    private final ObjectProvider<BillingLedger> ledger;

    public AdapterHealthController(
            AdapterHealthService health, TenantAccess access, Registry registry, ObjectProvider<BillingLedger> ledger) {
        this.health = health;
        this.access = access;
        this.registry = registry;
        this.ledger = ledger;
    }

    @GetMapping("/api/health/adapters")
    public AdapterHealthService.HealthAnswer all(
            Authentication caller,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String status) {
        HealthQuery query = HealthQuery.of(category, status);
        if (tenant != null) {
            access.requireKnown(caller, tenant);
            return answer(tenant::equals, query);
        }
        ConductorUser user = ConductorUser.of(caller);
        return answer(user.scope()::permits, query);
    }

    @GetMapping("/api/tenants/{tenant}/health/adapters")
    public AdapterHealthService.HealthAnswer tenant(
            Authentication caller,
            @PathVariable String tenant,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String status) {
        HealthQuery query = HealthQuery.of(category, status);
        access.requireKnown(caller, tenant);
        return answer(tenant::equals, query);
    }

    /**
     * One instance's health as the Switchboard's drill-down shows it; for a payments instance, with its tenant's
     * billing sync status (the source of {@code GET /api/tenants/{t}/billing/status}), otherwise none.
     */
    public record InstanceView(@JsonUnwrapped AdapterInstanceHealth health, BillingStatus billing) {}

    /** One instance: 404 {@code ADAPTER_NOT_INSTALLED} for one that is not (or is another tenant's). */
    @GetMapping("/api/tenants/{tenant}/environments/{environment}/health/adapters/{instance}")
    public InstanceView instance(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String environment,
            @PathVariable String instance) {
        access.requireEnvironment(caller, tenant, environment);
        AdapterInstance installed = registry.requireInstance(tenant, environment, instance);
        String category = installed.category().id();
        BillingLedger billing = ledger.getIfAvailable();
        return new InstanceView(
                health.instance(tenant + "/" + environment + "/" + instance, category),
                PaymentsComponent.CATEGORY.equals(category) && billing != null
                        ? BillingStatus.of(billing, tenant)
                        : null);
    }

    private AdapterHealthService.HealthAnswer answer(Predicate<String> visibleTenant, HealthQuery query) {
        return health.answer(visibleTenant, query::accepts);
    }
}
