package io.maestro.conductor.bench.cluster;

import io.maestro.conductor.bench.RepositoryRoot;
import io.maestro.conductor.hub.support.AtlasTenant;
import io.maestro.conductor.hub.support.EvidenceTraffic;
import io.maestro.conductor.hub.support.HubCluster;
import io.maestro.conductor.hub.support.HubProcess;
import io.maestro.conductor.registry.secret.MasterKeySource;
import io.maestro.conductor.registry.support.TestDatabase;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Throughput of evidence uploads and of adapter calls (evidence verification) through 1, 2 and 3 hubs: each hub its
 * own JVM from the executable jar, one Hazelcast cluster, one fresh schema of the tests' PostgreSQL per hub count,
 * one S3Proxy in this JVM, loopback only. Per hub count: a warm-up, then closed-loop load that stops by itself after
 * {@code --requests} requests or {@code --seconds} seconds; prints requests per second and the ratio to one hub of
 * the same run. See bench/README.md.
 */
public final class ClusterThroughput {

    private static final String CLUSTER_SECRET = "cluster-throughput-bench-secret-00000000000000000";

    private ClusterThroughput() {}

    public static void main(String[] args) throws Exception {
        ClusterOptions options = ClusterOptions.parse(args);
        Path root = RepositoryRoot.find();
        Path hubJar = options.hubJar() != null ? options.hubJar() : root.resolve("hub/target/conductor-hub.jar");
        if (!Files.isRegularFile(hubJar)) {
            throw new IOException(
                    "no executable hub jar " + hubJar + ": mvn -B -q -pl hub,bench -am package -DskipTests");
        }
        Path work = Files.createTempDirectory("cluster-throughput");
        String password = "bench-" + UUID.randomUUID();
        List<Row> rows = new ArrayList<>();
        try (S3ProxySandbox s3 = S3ProxySandbox.startTransient()) {
            s3.createBucket(EvidenceTraffic.BUCKET);
            Path tenantConfig = tenantConfig(work.resolve("tenant-config"), s3);
            Map<String, String> environment = new HashMap<>(EvidenceTraffic.environment(s3));
            environment.put(MasterKeySource.ENV, HubCluster.newMasterKeyset(work.resolve("keys")));
            environment.put("CONDUCTOR_OPERATOR_PASSWORD", password);
            for (int count : options.hubCounts()) {
                rows.add(measure(
                        options, hubJar, work.resolve("hubs-" + count), tenantConfig, environment, password, count));
                System.out.println(rows.get(rows.size() - 1).line(rows.get(0)));
            }
        }
        System.out.println();
        System.out.println(Row.HEADER);
        rows.forEach(row -> System.out.println(row.line(rows.get(0))));
    }

    private static Row measure(
            ClusterOptions options,
            Path hubJar,
            Path dir,
            Path tenantConfig,
            Map<String, String> environment,
            String password,
            int count)
            throws Exception {
        String loadBefore = loadAverage();
        try (TestDatabase database = TestDatabase.postgres()) {
            HubCluster cluster = HubCluster.of(count, CLUSTER_SECRET, database.url(), tenantConfig);
            List<HubProcess> hubs = cluster.start(
                    i -> HubProcess.startJar(hubJar, dir.resolve("hub-" + i), cluster.arguments(i), environment));
            try {
                HubRequests requests = new HubRequests(hubs, password, "h" + count);
                Duration limit = Duration.ofSeconds(options.seconds());
                LoadRun.run(options.clients(), options.warmup(), limit, requests::upload);
                LoadRun.Result uploads = LoadRun.run(options.clients(), options.requests(), limit, requests::upload);
                LoadRun.run(options.clients(), options.warmup(), limit, requests::verify);
                LoadRun.Result verifies = LoadRun.run(options.clients(), options.requests(), limit, requests::verify);
                return new Row(count, uploads, verifies, loadBefore + " → " + loadAverage(), requests.failures());
            } finally {
                hubs.forEach(HubProcess::close);
            }
        }
    }

    private static Path tenantConfig(Path dir, S3ProxySandbox s3) throws IOException {
        AtlasTenant.write(dir, EvidenceTraffic.devSecretsYaml(), EvidenceTraffic.devAdapterYaml(s3));
        return dir;
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? Files.readString(loadavg).split(" ")[0] : "?";
    }

    /** One hub count's figures. */
    private record Row(
            int hubs, LoadRun.Result uploads, LoadRun.Result verifies, String load, Map<String, Long> failures) {

        static final String HEADER =
                "hubs | uploads/s | ratio | failed | adapter calls/s | ratio | failed | load avg (1 min) before → after"
                        + " | failures by status (warm-up included)";

        String line(Row oneHub) {
            return String.format(
                    "%d | %.1f | %s | %d | %.1f | %s | %d | %s | %s",
                    hubs,
                    uploads.perSecond(),
                    ratio(uploads, oneHub.hubs == 1 ? oneHub.uploads : null),
                    uploads.failed(),
                    verifies.perSecond(),
                    ratio(verifies, oneHub.hubs == 1 ? oneHub.verifies : null),
                    verifies.failed(),
                    load,
                    failures);
        }

        private static String ratio(LoadRun.Result result, LoadRun.Result oneHub) {
            return oneHub == null ? "n/a" : String.format("%.2f", result.perSecond() / oneHub.perSecond());
        }
    }
}
