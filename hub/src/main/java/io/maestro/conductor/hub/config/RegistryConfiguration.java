package io.maestro.conductor.hub.config;

import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryConfig;
import io.maestro.conductor.registry.config.LoadReport;
import io.maestro.conductor.registry.secret.MasterKeySource;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the registry on the hub's data source and Hazelcast member, then migrates the hub's own tables
 * ({@link HubSchema}). On the embedded default the demo
 * tenants of {@code tenant-config/} are loaded right after, before any route is validated against them.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);

    /** Static: a post-processor must exist before the beans it processes. */
    @Bean
    static EmbeddedDatabasePassword embeddedDatabasePassword() {
        return new EmbeddedDatabasePassword();
    }

    @Bean
    public Registry registry(
            DataSource dataSource,
            HazelcastInstance hazelcast,
            ConductorProperties properties,
            ObjectProvider<TenantConfigVariables> hubVariables) {
        Registry registry = Registry.open(
                new RegistryConfig(dataSource, hazelcast, MasterKeySource.fromEnvOrDataDir(properties.dataDir())));
        // The hub's own tables: the stores that use them take the registry, so they are there before any is built.
        HubSchema.migrate(dataSource);
        // The database files and keys now exist: they get the data dir's owner-only permissions too.
        DataDirectory.secure(properties.dataDir());
        if (properties.demoTenants()) {
            LoadReport report = registry.loadTenantConfig(
                    properties.tenantConfigDir(),
                    name -> hubVariables
                            .orderedStream()
                            .map(source -> source.lookup(name))
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElseGet(() -> System.getenv(name)));
            log.info(
                    "event=tenant_config_loaded dir={} changed={} report={}",
                    properties.tenantConfigDir(),
                    report.changedAnything(),
                    report);
        }
        return registry;
    }
}
