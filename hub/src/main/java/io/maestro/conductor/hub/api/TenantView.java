package io.maestro.conductor.hub.api;

import io.maestro.conductor.registry.model.Tenant;
import java.util.List;

/** A tenant as the API shows it. */
public record TenantView(String id, String name, String kind, List<String> environments) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.name(), tenant.kind().id(), tenant.environments());
    }
}
