package io.maestro.conductor.registry.cache;

import io.maestro.conductor.registry.model.AdapterInstance;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instances of one tenant+environment, pre-joined so "what does this tenant have" is one map get.
 * Immutable: the near cache hands the same object to every reader.
 */
public record InstanceSet(Map<String, AdapterInstance> byName) implements Serializable {

    public InstanceSet {
        byName = Collections.unmodifiableSortedMap(new TreeMap<>(byName));
    }

    public static InstanceSet of(List<AdapterInstance> instances) {
        Map<String, AdapterInstance> byName = new TreeMap<>();
        instances.forEach(i -> byName.put(i.name(), i));
        return new InstanceSet(byName);
    }

    public List<AdapterInstance> list() {
        return List.copyOf(byName.values());
    }
}
