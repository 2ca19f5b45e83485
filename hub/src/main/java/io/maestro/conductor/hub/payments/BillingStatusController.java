package io.maestro.conductor.hub.payments;

import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.payments.billing.BillingLedger;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's billing status: the tenant's own users and operators who see every tenant. */
@RestController
public class BillingStatusController {

    private final BillingLedger ledger;
    private final TenantAccess access;

    public BillingStatusController(BillingLedger ledger, TenantAccess access) {
        this.ledger = ledger;
        this.access = access;
    }

    @GetMapping("/api/tenants/{tenant}/billing/status")
    public BillingStatus status(Authentication caller, @PathVariable String tenant) {
        access.requireKnown(caller, tenant);
        return BillingStatus.of(ledger, tenant);
    }
}
