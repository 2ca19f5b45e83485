package io.maestro.conductor.registry.cache;

import com.hazelcast.map.MapLoader;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.store.InstanceStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads {@link RegistryMaps#INSTANCES}: one entry per existing tenant+environment (empty ones too, so a
 * lookup of a known environment never misses and never reaches SQL).
 */
final class InstanceSetLoader implements MapLoader<String, InstanceSet> {

    private final JdbcTemplate jdbc;
    private final InstanceStore store;

    InstanceSetLoader(JdbcTemplate jdbc, InstanceStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public InstanceSet load(String key) {
        String[] parts = RegistryMaps.splitNamespace(key);
        boolean exists = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM environment WHERE tenant_id = ? AND name = ?",
                        Integer.class,
                        parts[0],
                        parts[1])
                > 0;
        return exists ? InstanceSet.of(store.findByTenantEnv(parts[0], parts[1])) : null;
    }

    @Override
    public Map<String, InstanceSet> loadAll(Collection<String> keys) {
        Set<String> tenants = new LinkedHashSet<>();
        keys.forEach(k -> tenants.add(RegistryMaps.splitNamespace(k)[0]));
        Map<String, List<AdapterInstance>> grouped = new HashMap<>();
        keys.forEach(k -> grouped.put(k, new ArrayList<>()));
        for (List<String> chunk : Chunks.of(new ArrayList<>(tenants))) {
            for (AdapterInstance instance : store.findByTenants(chunk)) {
                List<AdapterInstance> list =
                        grouped.get(RegistryMaps.namespace(instance.tenant(), instance.environment()));
                if (list != null) {
                    list.add(instance);
                }
            }
        }
        Map<String, InstanceSet> loaded = new HashMap<>();
        grouped.forEach((k, list) -> loaded.put(k, InstanceSet.of(list)));
        return loaded;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return jdbc.query(
                "SELECT tenant_id, name FROM environment",
                (rs, n) -> RegistryMaps.namespace(rs.getString(1), rs.getString(2)));
    }
}
