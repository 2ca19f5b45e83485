package io.maestro.conductor.registry;

import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.registry.secret.MasterKeySource;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the registry runs on. The caller owns the data source and the Hazelcast member (whose config must
 * have been passed through {@link io.maestro.conductor.registry.cache.RegistryMaps#configure} with the same
 * data source) and closes them after the registry.
 */
public record RegistryConfig(
        DataSource dataSource, HazelcastInstance hazelcast, MasterKeySource masterKey, Clock clock) {

    public RegistryConfig {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(hazelcast, "hazelcast");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(clock, "clock");
    }

    public RegistryConfig(DataSource dataSource, HazelcastInstance hazelcast, MasterKeySource masterKey) {
        this(dataSource, hazelcast, masterKey, Clock.systemUTC());
    }
}
