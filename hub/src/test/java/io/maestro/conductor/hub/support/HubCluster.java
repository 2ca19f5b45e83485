package io.maestro.conductor.hub.support;

import io.maestro.conductor.registry.secret.MasterKeySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hub processes forming one Hazelcast cluster on one database: members on free loopback ports, exactly these
 * members, a cluster name of their own and one cluster secret; the repository's residency and governance policies.
 * The hubs must also share the master keyset ({@link #newMasterKeyset}) and the operator password.
 */
public final class HubCluster {

    private final List<Integer> memberPorts;
    private final String name;
    private final String secret;
    private final String datasourceUrl;
    private final Path tenantConfig;

    private HubCluster(List<Integer> memberPorts, String secret, String datasourceUrl, Path tenantConfig) {
        this.memberPorts = memberPorts;
        this.name = "cluster-" + Long.toHexString(System.nanoTime());
        this.secret = secret;
        this.datasourceUrl = datasourceUrl;
        this.tenantConfig = tenantConfig;
    }

    /** {@code size} members on the PostgreSQL of {@code datasourceUrl} (user postgres), tenants of {@code tenantConfig}. */
    public static HubCluster of(int size, String secret, String datasourceUrl, Path tenantConfig) {
        List<Integer> ports =
                IntStream.range(0, size).mapToObj(i -> LoopbackPorts.free()).toList();
        return new HubCluster(ports, secret, datasourceUrl, tenantConfig);
    }

    public int size() {
        return memberPorts.size();
    }

    /** The arguments of member {@code member} (0-based). */
    public List<String> arguments(int member) {
        String members = memberPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        return List.of(
                "--spring.datasource.url=" + datasourceUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--conductor.tenant-config-dir=" + tenantConfig,
                "--conductor.policy.bundle-dirs=" + HubProperties.repositoryPath("residency-policies") + ","
                        + HubProperties.repositoryPath("governance-policies"),
                "--conductor.hazelcast.cluster-name=" + name,
                "--conductor.hazelcast.secret=" + secret,
                "--conductor.hazelcast.port=" + memberPorts.get(member),
                "--conductor.hazelcast.port-auto-increment=false",
                "--conductor.hazelcast.members=" + members);
    }

    /**
     * Starts every member through {@code starter} (member number to started hub): the first alone, as it migrates
     * the schema and loads the tenants, then the others together. A hub that fails to start stops those started.
     */
    public List<HubProcess> start(IntFunction<HubProcess> starter) {
        List<HubProcess> hubs = new ArrayList<>();
        hubs.add(starter.apply(0));
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, size() - 1));
        try {
            List<CompletableFuture<HubProcess>> starting = IntStream.range(1, size())
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> starter.apply(i), executor))
                    .toList();
            RuntimeException failed = null;
            for (CompletableFuture<HubProcess> hub : starting) {
                try {
                    hubs.add(hub.join());
                } catch (RuntimeException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                hubs.forEach(HubProcess::close);
                throw failed;
            }
            return hubs;
        } finally {
            executor.shutdown();
        }
    }

    /** A new master keyset (JSON), for {@link MasterKeySource#ENV} of every hub of a cluster. */
    public static String newMasterKeyset(Path dir) {
        try {
            Files.createDirectories(dir);
            MasterKeySource.fromDataDir(dir);
            return Files.readString(dir.resolve(MasterKeySource.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
