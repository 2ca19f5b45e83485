package io.maestro.conductor.registry.model;

import java.io.Serializable;
import java.util.List;

/** A tenant and the environments (e.g. dev, prod) it runs adapters in. */
public record Tenant(String id, String name, TenantKind kind, List<String> environments) implements Serializable {

    public Tenant {
        environments = List.copyOf(environments);
    }

    public boolean hasEnvironment(String environment) {
        return environments.contains(environment);
    }
}
