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
    private volatile boolean loaded;

    public HealthInventory(Registry registry) {
        this.registry = registry;
    }

    /** A fixed inventory that {@link #refresh()} leaves as it is (tests and benchmarks). */
    public static HealthInventory of(Map<String, String> installed, ImpactedWorkflows impacted) {
        HealthInventory fixed = new HealthInventory(null);
        fixed.installed = Map.copyOf(installed);
        fixed.impacted = impacted;
        fixed.loaded = true;
        return fixed;
    }

    /** Replaces a fixed inventory's instances, as an install or uninstall would (tests). */
    void replace(Map<String, String> installed) {
        if (registry != null) {
            throw new IllegalStateException("an inventory read from the registry changes with it");
        }
        this.installed = Map.copyOf(installed);
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
        loaded = true;
    }

    /** Whether {@link #installed()} was read at least once (before, it is empty for want of a read). */
    public boolean loaded() {
        return loaded;
    }

    public Map<String, String> installed() {
        return installed;
    }

    public ImpactedWorkflows impacted() {
        return impacted;
    }
}
