package io.maestro.conductor.bench.health;

import io.maestro.conductor.adapter.health.AdapterCallStats;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import io.maestro.conductor.bench.JmhResults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;

/**
 * What the health statistics add to an adapter call: {@code callStats} is {@link AdapterCallStats#success} (map
 * lookup, two striped counter increments, a bucket increment, a volatile write), {@code metrics} the Micrometer
 * bookkeeping every call already paid before ({@link AdapterMetrics#success}: counter, timer with histogram, gauge
 * value), as the same-process baseline. Four threads on one instance: the contended case. {@link #main} prints both
 * and the ratio callStats/metrics.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(4)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CallStatsBenchmark {

    private static final ResolvedInstance INSTANCE = new ResolvedInstance(
            new InstanceRef("atlas", "prod", "evidence"),
            "storage",
            "s3",
            1,
            "eu-west-1",
            "high",
            "confidential",
            Map.of());
    private static final Duration LATENCY = Duration.ofNanos(3_400_000);

    private final AdapterCallStats callStats = new AdapterCallStats("storage");
    private final AdapterMetrics metrics = new AdapterMetrics(new SimpleMeterRegistry());

    @Benchmark
    public void callStats() {
        callStats.success("atlas/prod/evidence", LATENCY.toNanos());
    }

    @Benchmark
    public void metrics() {
        metrics.success(INSTANCE, "put_object", LATENCY);
    }

    public static void main(String[] args) throws RunnerException {
        JmhResults results = JmhResults.run(CallStatsBenchmark.class);
        double stats = results.of("callStats").getMean();
        double baseline = results.of("metrics").getMean();
        System.out.printf(
                "callStats = %.1f ns/call, metrics = %.1f ns/call, ratio callStats/metrics = %.2f%n",
                stats, baseline, stats / baseline);
    }
}
