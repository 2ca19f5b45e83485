package io.maestro.conductor.bench.health;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.maestro.conductor.adapter.health.LatencyBuckets;
import io.maestro.conductor.bench.JmhResults;
import io.maestro.conductor.hub.health.AdapterHealthBoard;
import io.maestro.conductor.hub.health.AdapterHealthService;
import io.maestro.conductor.hub.health.HealthInventory;
import io.maestro.conductor.hub.health.HealthProperties;
import io.maestro.conductor.hub.health.HealthRules;
import io.maestro.conductor.hub.health.ImpactedWorkflows;
import io.maestro.conductor.hub.health.MemberInstanceStats;
import io.maestro.conductor.registry.cache.LoopbackMember;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.util.Statistics;

/**
 * The computation behind {@code GET /api/health/adapters} over a real Hazelcast replicated map holding the entries
 * of {@code hubs} hubs for each of {@code instances} instances (every entry with calls, errors and latency buckets):
 * {@code allInstances} is what a request computes for the operator (every instance the caller may see, from the
 * snapshot), {@code oneTenant} a tenant user's (10 instances); {@code refresh} is the snapshot's recomputation that
 * route adapter-stats-flush runs after each flush (read the map, sum per instance, judge by the rules, impacted
 * workflows, sort). JSON rendering and HTTP are not included. Target: allInstances p99 ≤ 5 ms at 10,000 instances.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
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
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class AdapterHealthBenchmark {

    @Param("10000")
    int instances;

    @Param("2")
    int hubs;

    private HazelcastInstance hazelcast;
    private AdapterHealthService service;
    private String tenant;

    @Setup(Level.Trial)
    public void setUp() {
        hazelcast = Hazelcast.newHazelcastInstance(LoopbackMember.config("health-bench-" + UUID.randomUUID()));
        ReplicatedMap<String, MemberInstanceStats> map = hazelcast.getReplicatedMap(AdapterHealthService.MAP);
        Map<String, String> installed = new HashMap<>();
        Random random = new Random(42);
        long now = System.currentTimeMillis();
        String[] categories = {"storage", "payments", "identity", "event-bus"};
        for (int i = 0; i < instances; i++) {
            String id = "tenant-" + (i / 10) + "/prod/instance-" + (i % 10);
            String category = categories[i % categories.length];
            installed.put(id, category);
            for (int hub = 0; hub < hubs; hub++) {
                long[] buckets = new long[LatencyBuckets.COUNT];
                long requests = 100 + random.nextInt(900);
                for (int b = 0; b < 20; b++) {
                    buckets[10 + random.nextInt(30)] += requests / 20;
                }
                long errors = random.nextInt(10) == 0 ? requests / 2 : random.nextInt(5);
                map.put(
                        "hub-" + hub + "|" + id,
                        new MemberInstanceStats(
                                "hub-" + hub,
                                id,
                                category,
                                requests,
                                errors,
                                random.nextInt(3),
                                buckets,
                                now - random.nextInt(60_000),
                                errors > 0 ? "STORAGE_UNREACHABLE" : null,
                                errors > 0 ? now - random.nextInt(60_000) : 0,
                                now));
            }
        }
        Map<String, List<String>> routes = new HashMap<>();
        for (String category : categories) {
            for (int n = 0; n < 10; n++) {
                routes.put(ImpactedWorkflows.key(category, "instance-" + n), List.of("workflow-" + n, "nightly-" + n));
            }
        }
        HealthProperties properties = new HealthProperties(
                Duration.ofSeconds(5),
                Duration.ofMinutes(10),
                1,
                0.05,
                0.5,
                Duration.ofMinutes(5),
                Duration.ofMinutes(30));
        service = new AdapterHealthService(
                map,
                HealthInventory.of(installed, ImpactedWorkflows.of(routes)),
                new AdapterHealthBoard(new HealthRules(properties), properties),
                Clock.systemUTC());
        tenant = "tenant-" + (instances / 20);
        service.refresh();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hazelcast.shutdown();
    }

    /** What route adapter-stats-flush does after each flush: read the map, sum, judge, sort (off the request path). */
    @Benchmark
    public void refresh() {
        service.refresh();
    }

    @Benchmark
    public AdapterHealthService.HealthAnswer allInstances() {
        return service.answer(visible -> true, health -> true);
    }

    @Benchmark
    public AdapterHealthService.HealthAnswer oneTenant() {
        return service.answer(tenant::equals, health -> true);
    }

    public static void main(String[] args) throws RunnerException {
        JmhResults results = JmhResults.run(AdapterHealthBenchmark.class);
        for (String benchmark : new String[] {"allInstances", "oneTenant", "refresh"}) {
            Statistics s = results.of(benchmark);
            System.out.printf(
                    "%-13s p50 = %7.3f ms, p99 = %7.3f ms%n", benchmark, s.getPercentile(50), s.getPercentile(99));
        }
        System.out.printf(
                "allInstances p99 target 5 ms: %s%n",
                results.of("allInstances").getPercentile(99) <= 5 ? "met" : "MISSED");
    }
}
