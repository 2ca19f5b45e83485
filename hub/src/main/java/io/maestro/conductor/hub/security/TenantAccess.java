package io.maestro.conductor.hub.security;

import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.model.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Stops a caller at the edge of its tenant scope. A tenant outside the scope is answered exactly
 * like a tenant that does not exist, so the answer leaks nothing, and the attempt is audited.
 */
@Component
public class TenantAccess {

    private static final Logger audit = LoggerFactory.getLogger("conductor.audit");

    private final Registry registry;

    public TenantAccess(Registry registry) {
        this.registry = registry;
    }

    /** Throws {@link TenantNotVisibleException} unless {@code caller} may act on {@code tenant}. */
    public void require(Authentication caller, String tenant) {
        if (!permits(caller, tenant)) {
            audit.atWarn()
                    .addKeyValue("event", "cross_tenant_denied")
                    .addKeyValue("caller", caller.getName())
                    .addKeyValue("tenantRequested", tenant)
                    .log("event=cross_tenant_denied caller={} tenant={}", caller.getName(), tenant);
            throw new TenantNotVisibleException(tenant);
        }
    }

    /**
     * The tenant {@code caller} asks for: refused as by {@link #require} when out of scope, and with
     * {@code TENANT_NOT_FOUND} when it does not exist.
     */
    public Tenant requireKnown(Authentication caller, String tenant) {
        require(caller, tenant);
        return registry.tenant(tenant)
                .orElseThrow(
                        () -> new RegistryException(ErrorCode.TENANT_NOT_FOUND, "tenant '" + tenant + "' not found"));
    }

    /** As {@link #requireKnown}, and {@code ENVIRONMENT_NOT_FOUND} when the tenant has no {@code environment}. */
    public void requireEnvironment(Authentication caller, String tenant, String environment) {
        require(caller, tenant);
        registry.requireEnvironment(tenant, environment);
    }

    public boolean permits(Authentication caller, String tenant) {
        return caller.getPrincipal() instanceof ConductorUser user
                && user.scope().permits(tenant);
    }
}
