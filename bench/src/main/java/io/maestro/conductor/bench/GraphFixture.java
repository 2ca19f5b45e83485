package io.maestro.conductor.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.zaxxer.hikari.HikariDataSource;
import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryConfig;
import io.maestro.conductor.registry.cache.LoopbackMember;
import io.maestro.conductor.registry.cache.RegistryMaps;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.InstanceState;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.model.TenantKind;
import io.maestro.conductor.registry.secret.MasterKeySource;
import io.maestro.conductor.registry.store.InstanceStore;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.store.TenantStore;
import io.maestro.conductor.storage.StorageDefinitions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registry holding {@code tenants} tenants with {@code instancesPerTenant} instances each (environment
 * {@code prod}) and {@code routes} indexed routes. Rows go straight into SQL in one transaction, then a
 * fresh Hazelcast member loads them through the registry's own eager MapLoaders: the load path a restarted
 * hub takes, without 100,000 receipts.
 */
public final class GraphFixture implements AutoCloseable {

    public static final String ENVIRONMENT = "prod";
    /** Instance names routes use: more than tenants have, so some route endpoints match nothing. */
    static final int ROUTE_INSTANCE_NAMES = 12;

    private final HikariDataSource dataSource;
    private final Path dataDir;
    private HazelcastInstance hazelcast;
    private Registry registry;
    private final long loadMillis;

    public GraphFixture(Path dataDir, int tenants, int instancesPerTenant, int routes) {
        this.dataDir = dataDir;
        this.dataSource = EmbeddedDatabase.dataSource("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        open();
        seed(tenants, instancesPerTenant);
        hazelcast.shutdown();
        long start = System.nanoTime();
        open();
        this.loadMillis = (System.nanoTime() - start) / 1_000_000;
        registry.indexRoutes(routes(routes));
    }

    public Registry registry() {
        return registry;
    }

    /** How long a fresh member took to open the registry and load every map from SQL. */
    public long loadMillis() {
        return loadMillis;
    }

    public static String tenantId(int i) {
        return "tenant-" + i;
    }

    public static String instanceName(int i) {
        return "inst-" + i;
    }

    /** Even-numbered instances are S3, odd ones GCS. */
    public static String definitionOf(int instance) {
        return instance % 2 == 0 ? "s3-storage" : "gcs-storage";
    }

    private void open() {
        hazelcast = Hazelcast.newHazelcastInstance(
                RegistryMaps.configure(LoopbackMember.config("bench-" + UUID.randomUUID()), dataSource));
        registry = Registry.open(new RegistryConfig(dataSource, hazelcast, MasterKeySource.fromDataDir(dataDir)));
    }

    private void seed(int tenants, int instancesPerTenant) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TenantStore tenantStore = new TenantStore(jdbc);
        InstanceStore instanceStore = new InstanceStore(jdbc);
        Instant now = Instant.now();
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            for (int t = 0; t < tenants; t++) {
                String tenant = tenantId(t);
                tenantStore.insert(new Tenant(tenant, "Tenant " + t, TenantKind.SAAS, List.of(ENVIRONMENT)), now);
                for (int i = 0; i < instancesPerTenant; i++) {
                    boolean s3 = i % 2 == 0;
                    instanceStore.insert(new AdapterInstance(
                            tenant,
                            ENVIRONMENT,
                            instanceName(i),
                            definitionOf(i),
                            StorageDefinitions.VERSION,
                            AdapterCategory.STORAGE,
                            config(tenant, i, s3),
                            s3 ? "eu-west-1" : "europe-west1",
                            InstanceState.ACTIVE,
                            1,
                            now,
                            now));
                }
            }
        });
    }

    private static ObjectNode config(String tenant, int i, boolean s3) {
        ObjectNode config = Json.MAPPER.createObjectNode().put("bucket", tenant + "-bucket-" + i);
        if (s3) {
            return config.put("region", "eu-west-1")
                    .put("accessKey", "secret:s3-access")
                    .put("secretKey", "secret:s3-secret");
        }
        return config.put("region", "europe-west1").put("serviceAccountKey", "secret:gcs-key");
    }

    /** Routes of three endpoints each: an adapter endpoint, a non-adapter one, another adapter endpoint. */
    static Map<String, List<String>> routes(int count) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        for (int r = 0; r < count; r++) {
            List<String> uris = new ArrayList<>();
            uris.add("storage:put?instance=" + instanceName(r % ROUTE_INSTANCE_NAMES));
            uris.add("log:route-" + r);
            uris.add("storage:get?instance=" + instanceName((r + 5) % ROUTE_INSTANCE_NAMES));
            routes.put("route-" + r, uris);
        }
        return routes;
    }

    @Override
    public void close() {
        hazelcast.shutdown();
        dataSource.close();
    }
}
