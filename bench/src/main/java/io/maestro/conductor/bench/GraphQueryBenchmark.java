package io.maestro.conductor.bench;

import io.maestro.conductor.registry.graph.WorkflowDependent;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two graph queries of the registry, through the production code path ({@code Registry}, served from
 * Hazelcast): installed adapters of a random tenant, and the workflows depending on a definition.
 * SampleTime mode gives the latency distribution (p50, p99) per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Xmx1g",
            "--add-modules",
            "java.se",
            "--add-exports",
            "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens",
            "java.management/sun.management=ALL-UNNAMED",
            "--add-opens",
            "jdk.management/com.sun.management.internal=ALL-UNNAMED"
        })
public class GraphQueryBenchmark {

    @Param("10000")
    int tenants;

    @Param("10")
    int instancesPerTenant;

    @Param("500")
    int routes;

    private Path dataDir;
    private GraphFixture fixture;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("conductor-bench");
        fixture = new GraphFixture(dataDir, tenants, instancesPerTenant, routes);
        System.err.println("registry loaded " + tenants + " tenants x " + instancesPerTenant + " instances from SQL in "
                + fixture.loadMillis() + " ms");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        fixture.close();
        Files.deleteIfExists(dataDir.resolve("master-keyset.json"));
        Files.deleteIfExists(dataDir);
    }

    @Benchmark
    public List<AdapterInstance> installedAdaptersPerTenant() {
        String tenant = GraphFixture.tenantId(ThreadLocalRandom.current().nextInt(tenants));
        return fixture.registry().instances(tenant, GraphFixture.ENVIRONMENT);
    }

    @Benchmark
    public List<WorkflowDependent> dependentsOfDefinition() {
        return fixture.registry().dependents(ThreadLocalRandom.current().nextBoolean() ? "s3-storage" : "gcs-storage");
    }
}
