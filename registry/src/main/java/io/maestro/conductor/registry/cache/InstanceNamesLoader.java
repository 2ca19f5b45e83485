package io.maestro.conductor.registry.cache;

import com.hazelcast.map.MapLoader;
import io.maestro.conductor.registry.store.InstanceStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads {@link RegistryMaps#INSTANCE_NAMES}: definition name → instance names installed from it. */
final class InstanceNamesLoader implements MapLoader<String, InstanceNames> {

    private final JdbcTemplate jdbc;
    private final InstanceStore store;

    InstanceNamesLoader(JdbcTemplate jdbc, InstanceStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public InstanceNames load(String definitionName) {
        List<String> names = store.namesOfDefinition(definitionName);
        return names.isEmpty() ? null : new InstanceNames(new java.util.TreeSet<>(names));
    }

    @Override
    public Map<String, InstanceNames> loadAll(Collection<String> definitionNames) {
        Map<String, InstanceNames> loaded = new HashMap<>();
        for (String name : definitionNames) {
            InstanceNames names = load(name);
            if (names != null) {
                loaded.put(name, names);
            }
        }
        return loaded;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return jdbc.queryForList("SELECT DISTINCT definition_name FROM adapter_instance", String.class);
    }
}
