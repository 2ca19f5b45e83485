package io.maestro.conductor.hub.health;

import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.Tenant;
import java.util.HashMap;
import java.util.Map;

/**
 * The installed instances (id → category) and the impacted-workflows index, read from the registry by the
 * {@code adapter-stats-flush} route rather than per health request: a health answer then costs no registry read,
 * at the price of a new instance or route showing up one refresh later.
 */
public final class HealthInventory {

    private final Registry registry;
    private volatile Map<String, String> installed = Map.of();
    private volatile ImpactedWorkflows impacted = ImpactedWorkflows.none();

    public HealthInventory(Registry registry) {
        this.registry = registry;
    }

    /** A fixed inventory that {@link #refresh()} leaves as it is (tests and benchmarks). */
    public static HealthInventory of(Map<String, String> installed, ImpactedWorkflows impacted) {
        HealthInventory fixed = new HealthInventory(null);
        fixed.installed = Map.copyOf(installed);
        fixed.impacted = impacted;
        return fixed;
    }

    public void refresh() {
        if (registry == null) {
            return;
        }
        Map<String, String> next = new HashMap<>();
        for (Tenant tenant : registry.tenants()) {
            for (String environment : tenant.environments()) {
                for (AdapterInstance instance : registry.instances(tenant.id(), environment)) {
                    next.put(
                            tenant.id() + "/" + environment + "/" + instance.name(),
                            instance.category().id());
                }
            }
        }
        installed = Map.copyOf(next);
        impacted = ImpactedWorkflows.from(registry);
    }

    public Map<String, String> installed() {
        return installed;
    }

    public ImpactedWorkflows impacted() {
        return impacted;
    }
}
