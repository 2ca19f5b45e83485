package io.maestro.conductor.registry.support;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.zaxxer.hikari.HikariDataSource;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryConfig;
import io.maestro.conductor.registry.cache.LoopbackMember;
import io.maestro.conductor.registry.cache.RegistryMaps;
import io.maestro.conductor.registry.secret.MasterKeySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A registry as the hub runs it: a real Hazelcast member (its own cluster, loopback only), a real
 * database, a master keyset file in a temp data directory. {@link #restart()} drops the member and the
 * pool and builds new ones on the same database and data directory.
 */
public final class RegistryHarness implements AutoCloseable {

    private final TestDatabase database;
    private final Path dataDir;
    private HazelcastInstance hazelcast;
    private HikariDataSource dataSource;
    private Registry registry;

    public RegistryHarness(TestDatabase database) {
        this.database = database;
        try {
            this.dataDir = Files.createTempDirectory("conductor-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public Registry registry() {
        return registry;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Path dataDir() {
        return dataDir;
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    public void restart() {
        stop();
        start();
    }

    private void start() {
        dataSource = database.open();
        hazelcast = Hazelcast.newHazelcastInstance(
                RegistryMaps.configure(LoopbackMember.config("registry-test-" + UUID.randomUUID()), dataSource));
        registry = Registry.open(new RegistryConfig(dataSource, hazelcast, MasterKeySource.fromDataDir(dataDir)));
    }

    private void stop() {
        hazelcast.shutdown();
        dataSource.close();
    }

    @Override
    public void close() {
        stop();
        TempDirs.delete(dataDir);
    }
}
