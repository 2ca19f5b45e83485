package io.maestro.conductor.hub.security;

import java.util.Set;

/**
 * Which tenants a caller may see. The operator sees every tenant; an API user sees only the
 * tenants listed for it.
 */
public record TenantScope(boolean allTenants, Set<String> tenants) {

    public TenantScope {
        tenants = Set.copyOf(tenants);
    }

    public static TenantScope all() {
        return new TenantScope(true, Set.of());
    }

    public static TenantScope only(Set<String> tenants) {
        return new TenantScope(false, tenants);
    }

    public boolean permits(String tenant) {
        return allTenants || tenants.contains(tenant);
    }
}
