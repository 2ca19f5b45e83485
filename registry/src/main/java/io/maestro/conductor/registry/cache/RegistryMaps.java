package io.maestro.conductor.registry.cache;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.map.MapLoader;
import io.maestro.conductor.registry.store.DefinitionStore;
import io.maestro.conductor.registry.store.InstanceStore;
import io.maestro.conductor.registry.store.TenantStore;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Hazelcast maps the registry serves reads from. Call {@link #configure} on the member's {@link Config}
 * before starting it: each SQL-backed map gets an eager {@link MapLoader}, so a fresh member (or a
 * restarted cluster) fills itself from the system of record.
 *
 * <p>The maps are loaders only, not write-through {@code MapStore}s: a MapStore writes one entry per call,
 * outside any transaction the registry controls, so it cannot put a change, its config-version check and
 * its receipt into one SQL transaction. The registry commits to SQL first and then refreshes the affected
 * entries from SQL.
 *
 * <p>Across hubs: the member that wrote reads its own write at once (its near cache is invalidated before the put
 * returns); every other member's near cache gets the invalidation without batching, so it reads the write within
 * the bound docs/scaling.md states.
 */
public final class RegistryMaps {

    public static final String TENANTS = "conductor.tenants";
    public static final String DEFINITIONS = "conductor.definitions";
    /** {@code tenant/env} → {@link InstanceSet}. */
    public static final String INSTANCES = "conductor.instances";
    /** definition name → {@link InstanceNames}. */
    public static final String INSTANCE_NAMES = "conductor.instance-names";
    /** route id → {@link RouteEndpointList}; filled by the hub from the routes it loads, not from SQL. */
    public static final String ROUTES = "conductor.routes";
    /** definition name → {@link Dependents}; derived from routes and instance names. */
    public static final String DEPENDENTS = "conductor.dependents";

    static final String INVALIDATION_BATCHING = "hazelcast.map.invalidation.batch.enabled";

    private RegistryMaps() {}

    /** Adds the registry's maps, loading from {@code dataSource}, to a member config. */
    public static Config configure(Config config, DataSource dataSource) {
        // A change's near-cache invalidations go to the other members at once instead of in batches every 10 s
        // (Hazelcast's default): registry writes are rare, and a hub must not serve an uninstalled instance for
        // seconds. The bound this gives (docs/scaling.md) is what ClusterConsistencyTest holds.
        config.setProperty(INVALIDATION_BATCHING, "false");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        InstanceStore instances = new InstanceStore(jdbc);
        config.addMapConfig(
                loaded(TENANTS, new TenantLoader(new TenantStore(jdbc))).setNearCacheConfig(servedAsIs()));
        config.addMapConfig(loaded(DEFINITIONS, new DefinitionLoader(new DefinitionStore(jdbc))));
        config.addMapConfig(
                loaded(INSTANCES, new InstanceSetLoader(jdbc, instances)).setNearCacheConfig(servedAsIs()));
        config.addMapConfig(loaded(INSTANCE_NAMES, new InstanceNamesLoader(jdbc, instances)));
        config.addMapConfig(new MapConfig(ROUTES).setInMemoryFormat(InMemoryFormat.OBJECT));
        config.addMapConfig(new MapConfig(DEPENDENTS)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setNearCacheConfig(servedAsIs()));
        return config;
    }

    /** Whether {@link #configure} was applied to the config of a running member. */
    public static boolean isConfigured(Config config) {
        MapStoreConfig store = config.getMapConfigOrNull(INSTANCES) == null
                ? null
                : config.getMapConfigOrNull(INSTANCES).getMapStoreConfig();
        return store != null && store.isEnabled() && store.getImplementation() != null;
    }

    public static String namespace(String tenant, String environment) {
        return tenant + "/" + environment;
    }

    static String[] splitNamespace(String key) {
        int slash = key.indexOf('/');
        return new String[] {key.substring(0, slash), key.substring(slash + 1)};
    }

    /**
     * A near cache that hands out the cached object itself, so a get costs no deserialisation: for a tenant
     * (checked on every call), a tenant's instances or a dependents list of hundreds of routes that is most
     * of the query. Only for maps whose values are immutable; Hazelcast invalidates entries on change.
     */
    private static NearCacheConfig servedAsIs() {
        return new NearCacheConfig()
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setCacheLocalEntries(true)
                .setInvalidateOnChange(true);
    }

    private static MapConfig loaded(String name, MapLoader<?, ?> loader) {
        return new MapConfig(name)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setMapStoreConfig(new MapStoreConfig()
                        .setEnabled(true)
                        .setImplementation(loader)
                        .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER));
    }
}
