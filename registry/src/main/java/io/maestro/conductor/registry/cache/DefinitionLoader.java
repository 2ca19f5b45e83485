package io.maestro.conductor.registry.cache;

import com.hazelcast.map.MapLoader;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.store.DefinitionStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads {@link RegistryMaps#DEFINITIONS} from SQL. */
final class DefinitionLoader implements MapLoader<String, DefinitionVersions> {

    private final DefinitionStore store;

    DefinitionLoader(DefinitionStore store) {
        this.store = store;
    }

    @Override
    public DefinitionVersions load(String name) {
        List<AdapterDefinition> versions = store.findByName(name);
        return versions.isEmpty() ? null : new DefinitionVersions(versions);
    }

    @Override
    public Map<String, DefinitionVersions> loadAll(Collection<String> names) {
        Map<String, DefinitionVersions> loaded = new HashMap<>();
        for (String name : names) {
            DefinitionVersions versions = load(name);
            if (versions != null) {
                loaded.put(name, versions);
            }
        }
        return loaded;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return store.names();
    }
}
