package io.maestro.conductor.registry.cache;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.store.DefinitionStore;
import io.maestro.conductor.registry.store.InstanceStore;
import io.maestro.conductor.registry.store.TenantStore;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Re-reads map entries from SQL after a commit. Each refresh holds the entry's cluster lock while it reads
 * and writes, so of two concurrent writers the one that refreshes last also read last: the map never ends
 * on an older state than SQL.
 */
public final class MapRefresher {

    private final IMap<String, Tenant> tenants;
    private final IMap<String, DefinitionVersions> definitions;
    private final IMap<String, InstanceSet> instances;
    private final IMap<String, InstanceNames> instanceNames;
    private final TenantStore tenantStore;
    private final DefinitionStore definitionStore;
    private final InstanceStore instanceStore;

    public MapRefresher(
            HazelcastInstance hazelcast,
            TenantStore tenantStore,
            DefinitionStore definitionStore,
            InstanceStore instanceStore) {
        this.tenants = hazelcast.getMap(RegistryMaps.TENANTS);
        this.definitions = hazelcast.getMap(RegistryMaps.DEFINITIONS);
        this.instances = hazelcast.getMap(RegistryMaps.INSTANCES);
        this.instanceNames = hazelcast.getMap(RegistryMaps.INSTANCE_NAMES);
        this.tenantStore = tenantStore;
        this.definitionStore = definitionStore;
        this.instanceStore = instanceStore;
    }

    /** Refreshes the tenant and one (possibly empty) instance entry per environment. */
    public void tenant(String id) {
        Tenant tenant = refresh(tenants, id, () -> tenantStore.find(id).orElse(null));
        if (tenant != null) {
            tenant.environments().forEach(env -> instances(id, env));
        }
    }

    public void definition(String name) {
        refresh(definitions, name, () -> {
            var versions = definitionStore.findByName(name);
            return versions.isEmpty() ? null : new DefinitionVersions(versions);
        });
    }

    public void instances(String tenant, String environment) {
        refresh(
                instances,
                RegistryMaps.namespace(tenant, environment),
                () -> InstanceSet.of(instanceStore.findByTenantEnv(tenant, environment)));
    }

    public void instanceNames(String definitionName) {
        refresh(instanceNames, definitionName, () -> {
            List<String> names = instanceStore.namesOfDefinition(definitionName);
            return names.isEmpty() ? null : new InstanceNames(new TreeSet<>(names));
        });
    }

    private static <V> V refresh(IMap<String, V> map, String key, Supplier<V> fromSql) {
        map.lock(key);
        try {
            V value = fromSql.get();
            if (value == null) {
                map.delete(key);
            } else {
                map.set(key, value);
            }
            return value;
        } finally {
            map.unlock(key);
        }
    }
}
