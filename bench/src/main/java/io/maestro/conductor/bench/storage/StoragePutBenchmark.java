package io.maestro.conductor.bench.storage;

import io.maestro.conductor.adapter.governance.GovernanceDecision;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
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

/**
 * The puts of {@link StoragePutFixture} one at a time under JMH (p50/p99 per call). For the adapter/raw ratio use
 * {@link StoragePutComparison}: separate forks measure the machine's neighbours as much as the adapter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StoragePutBenchmark {

    private StoragePutFixture fixture;

    @Setup
    public void start() throws Exception {
        fixture = new StoragePutFixture();
    }

    @TearDown
    public void stop() throws Exception {
        fixture.close();
    }

    @Benchmark
    public Exchange raw() {
        return fixture.raw();
    }

    @Benchmark
    public Exchange adapter() {
        return fixture.adapter();
    }

    @Benchmark
    public Exchange adapterWithReceipt() {
        return fixture.adapterWithReceipt();
    }

    @Benchmark
    public GovernanceDecision gate() {
        return fixture.gate();
    }
}
