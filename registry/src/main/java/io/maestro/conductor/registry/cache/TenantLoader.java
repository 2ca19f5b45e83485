package io.maestro.conductor.registry.cache;

import com.hazelcast.map.MapLoader;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.store.TenantStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads {@link RegistryMaps#TENANTS} from SQL. */
final class TenantLoader implements MapLoader<String, Tenant> {

    private final TenantStore store;

    TenantLoader(TenantStore store) {
        this.store = store;
    }

    @Override
    public Tenant load(String id) {
        return store.find(id).orElse(null);
    }

    @Override
    public Map<String, Tenant> loadAll(Collection<String> ids) {
        Map<String, Tenant> loaded = new HashMap<>();
        for (List<String> chunk : Chunks.of(new ArrayList<>(ids))) {
            store.findByIds(chunk).forEach(t -> loaded.put(t.id(), t));
        }
        return loaded;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return store.ids();
    }
}
