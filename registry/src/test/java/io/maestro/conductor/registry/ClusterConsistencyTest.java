package io.maestro.conductor.registry;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.maestro.conductor.registry.cache.LoopbackMember;
import io.maestro.conductor.registry.cache.RegistryMaps;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.model.TenantKind;
import io.maestro.conductor.registry.secret.MasterKeySource;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.TempDirs;
import io.maestro.conductor.registry.support.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;

/**
 * Three registries as three hubs run them: one Hazelcast cluster (three members on loopback), one database, each
 * member with its own near caches. A write committed on any hub reads back at once on that hub (read your writes) and
 * on every other hub within {@link #BOUND} (near-cache invalidation, sent per change: docs/scaling.md).
 */
@Tag("slow")
class ClusterConsistencyTest {

    /** The bound docs/scaling.md promises; the invalidation itself takes milliseconds on loopback. */
    static final Duration BOUND = Duration.ofSeconds(1);

    @OnEachDatabase
    void aWriteOnAnyHubIsSeenOnEveryHubWithinTheBound(TestDatabase db) throws Exception {
        Path dataDir = Files.createTempDirectory("conductor-cluster");
        List<HazelcastInstance> members = new ArrayList<>();
        try {
            String cluster = "consistency-" + UUID.randomUUID();
            List<Integer> ports = List.of(freePort(), freePort(), freePort());
            List<Registry> hubs = new ArrayList<>();
            for (int port : ports) {
                HazelcastInstance member = Hazelcast.newHazelcastInstance(
                        RegistryMaps.configure(clustered(cluster, port, ports), db.open()));
                members.add(member);
                hubs.add(Registry.open(new RegistryConfig(db.open(), member, MasterKeySource.fromDataDir(dataDir))));
            }
            assertThat(members.get(0).getCluster().getMembers()).hasSize(3);
            tenantWithSecrets(hubs.get(0), "acme");
            // Every hub reads (and near-caches) the tenant's instances before the writes.
            hubs.forEach(hub -> assertThat(hub.instances("acme", "dev")).isEmpty());

            for (int writer = 0; writer < hubs.size(); writer++) {
                Registry writing = hubs.get(writer);
                String name = "bucket-" + writer;
                writing.install(OPERATOR, "acme", "dev", name, s3(name));
                assertThat(writing.instance("acme", "dev", name))
                        .as("read your writes")
                        .isPresent();
                for (Registry reader : hubs) {
                    assertWithin(() -> reader.instance("acme", "dev", name), Optional::isPresent, name);
                }

                writing.update(OPERATOR, "acme", "dev", name, new UpdateRequest(1, s3Config(name + "-v2"), null, null));
                assertThat(writing.requireInstance("acme", "dev", name).configVersion())
                        .as("read your writes")
                        .isEqualTo(2);
                for (Registry reader : hubs) {
                    assertWithin(
                            () -> reader.requireInstance("acme", "dev", name),
                            (AdapterInstance instance) -> instance.configVersion() == 2,
                            name + " v2");
                }
            }

            hubs.get(2).uninstall(OPERATOR, "acme", "dev", "bucket-0");
            assertThat(hubs.get(2).instance("acme", "dev", "bucket-0")).isEmpty();
            for (Registry reader : hubs) {
                assertWithin(() -> reader.instance("acme", "dev", "bucket-0"), Optional::isEmpty, "uninstalled");
            }
            hubs.forEach(hub -> assertThat(hub.tenant("globex")).isEmpty());
            hubs.get(1).ensureTenant(new Tenant("globex", "Globex", TenantKind.SAAS, List.of("dev")));
            for (Registry reader : hubs) {
                assertWithin(() -> reader.tenant("globex"), Optional::isPresent, "tenant");
            }
            assertThat(hubs.get(0).receipts().verify("acme").valid()).isTrue();
            System.out.printf("%s: slowest cross-hub visibility %.1f ms%n", db.kind(), slowestNanos / 1e6);
        } finally {
            members.forEach(HazelcastInstance::shutdown);
            TempDirs.delete(dataDir);
        }
    }

    /** The longest a hub took to see another hub's write, over the test. */
    private static long slowestNanos;

    private static <T> void assertWithin(Supplier<T> read, java.util.function.Predicate<T> seen, String what)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + BOUND.toNanos();
        T value = read.get();
        while (!seen.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            value = read.get();
        }
        assertThat(seen.test(value))
                .as(what + " within " + BOUND + ", last read " + value)
                .isTrue();
    }

    /** {@link LoopbackMember} joining the other members on loopback by TCP-IP. */
    private static Config clustered(String cluster, int port, List<Integer> ports) {
        Config config = LoopbackMember.config(cluster);
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig()
                .getJoin()
                .getTcpIpConfig()
                .setEnabled(true)
                .setMembers(ports.stream().map(p -> "127.0.0.1:" + p).toList());
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
