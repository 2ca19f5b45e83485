package io.maestro.conductor.registry.cache;

import java.io.Serializable;
import java.util.Set;
import java.util.TreeSet;

/** The distinct instance names, across tenants, installed from one definition. */
public record InstanceNames(Set<String> names) implements Serializable {

    public InstanceNames {
        names = new TreeSet<>(names);
    }
}
