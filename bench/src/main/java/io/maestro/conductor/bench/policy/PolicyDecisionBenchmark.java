package io.maestro.conductor.bench.policy;

import io.maestro.conductor.bench.JmhResults;
import io.maestro.conductor.policy.pdp.Decision;
import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.maestro.conductor.policy.pdp.OpaDataApi;
import io.maestro.conductor.policy.pdp.OpaDataApiServer;
import io.maestro.conductor.policy.pdp.OpaDecisionPoint;
import io.maestro.conductor.policy.pdp.OpaSettings;
import io.maestro.conductor.policy.pdp.PolicySettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.util.Statistics;

/**
 * One residency decision on one thread, in-process ({@code embedded}: evaluated in full, the decision cache off),
 * through the OPA Data API over loopback ({@code opa}: camel-http to a JDK HTTP server serving {@link OpaDataApi}
 * over the same engine), and in-process with the decision cache on ({@code embeddedReused}: the same input again,
 * as the adapters' repeated calls look). SampleTime gives the latency distribution; {@link #main} runs all three
 * and prints p50, p99 and the ratios.
 * The decision log is on but its logger is below INFO here (bench logback: WARN), as a quiet production
 * log level would leave it; the masking and JSON cost of an enabled log is not in these figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyDecisionBenchmark {
    private EmbeddedDecisionPoint embedded;
    private EmbeddedDecisionPoint reused;
    private OpaDataApiServer server;
    private OpaDecisionPoint opa;

    @Setup
    public void start() throws Exception {
        embedded = ResidencyFixture.decisionPoint(0);
        reused = ResidencyFixture.decisionPoint(PolicySettings.DEFAULT_DECISION_CACHE_SIZE);
        server = OpaDataApiServer.start(new OpaDataApi(embedded), 0);
        opa = new OpaDecisionPoint(OpaSettings.of(server.baseUrl(), Duration.ofSeconds(2), 0), new DecisionLog());
        requireAllowed(embedded.decide(ResidencyFixture.WRITE));
        requireAllowed(opa.decide(ResidencyFixture.WRITE));
        requireAllowed(reused.decide(ResidencyFixture.WRITE));
    }

    @TearDown
    public void stop() {
        opa.close();
        server.close();
        embedded.close();
        reused.close();
    }

    @Benchmark
    public Decision embedded() {
        return embedded.decide(ResidencyFixture.WRITE);
    }

    @Benchmark
    public Decision embeddedReused() {
        return reused.decide(ResidencyFixture.WRITE);
    }

    @Benchmark
    public Decision opa() {
        return opa.decide(ResidencyFixture.WRITE);
    }

    /** Guards against measuring a fast failure: the fixture's write must be allowed in both modes. */
    private static void requireAllowed(Decision d) {
        if (!d.allowed())
            throw new IllegalStateException("fixture decision not allowed: " + d.code() + " " + d.reasons());
    }

    public static void main(String[] args) throws RunnerException {
        JmhResults results = JmhResults.run(PolicyDecisionBenchmark.class);
        Statistics embedded = results.of("embedded");
        Statistics opa = results.of("opa");
        Statistics reused = results.of("embeddedReused");
        System.out.printf(
                "embedded: p50 = %.2f us, p99 = %.2f us (targets: p50 < 20 us, p99 < 100 us)%n",
                embedded.getPercentile(50), embedded.getPercentile(99));
        System.out.printf("opa:      p50 = %.2f us, p99 = %.2f us%n", opa.getPercentile(50), opa.getPercentile(99));
        System.out.printf(
                "embedded, decision reused: p50 = %.2f us, p99 = %.2f us%n",
                reused.getPercentile(50), reused.getPercentile(99));
        System.out.printf(
                "ratio opa/embedded = %.1f (p50), %.1f (p99)%n",
                opa.getPercentile(50) / embedded.getPercentile(50), opa.getPercentile(99) / embedded.getPercentile(99));
        System.out.printf(
                "ratio reused/embedded = %.2f (p50), %.2f (p99)%n",
                reused.getPercentile(50) / embedded.getPercentile(50),
                reused.getPercentile(99) / embedded.getPercentile(99));
    }
}
