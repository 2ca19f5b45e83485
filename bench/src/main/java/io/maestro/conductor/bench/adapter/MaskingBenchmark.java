package io.maestro.conductor.bench.adapter;

import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.bench.JmhResults;
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
import org.openjdk.jmh.util.Statistics;

/**
 * What masking costs an adapter call's log line ({@code AdapterProducer} renders the request body or the failure
 * through {@link Masking#maskPayload} for every logged call), on one thread, SampleTime: {@code shortDetail} is a
 * typical failure message (an e-mail, a card-like id, a key=value secret), {@code longBody} a 64 KiB JSON body as a
 * string, and {@code longBodyWhole} the same body masked whole, as {@code maskPayload} did before it masked only the
 * shown part. {@link #main} prints p50/p99 of each and the ratio longBodyWhole/longBody.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MaskingBenchmark {

    private final String shortDetail = "customer jenny.rosen@example.com order 1234567812345678 refused: "
            + "password=hunter2 at https://api.example.com/v1/customers (request req_8f3a2b)";
    private final String longBody = longJson(64 * 1024);

    private static String longJson(int chars) {
        StringBuilder json = new StringBuilder("{\"lines\":[");
        for (int i = 0; json.length() < chars; i++) {
            json.append("{\"id\":")
                    .append(1_780_000_000_000L + i)
                    .append(",\"note\":\"item ")
                    .append(i)
                    .append(" for account acct-")
                    .append(i * 7)
                    .append("\"},");
        }
        return json.append("{}]}").toString();
    }

    @Benchmark
    public String shortDetail() {
        return Masking.maskPayload(shortDetail);
    }

    @Benchmark
    public String longBody() {
        return Masking.maskPayload(longBody);
    }

    @Benchmark
    public String longBodyWhole() {
        return Masking.maskText(longBody);
    }

    public static void main(String[] args) throws RunnerException {
        JmhResults results = JmhResults.run(MaskingBenchmark.class);
        for (String benchmark : new String[] {"shortDetail", "longBody", "longBodyWhole"}) {
            Statistics s = results.of(benchmark);
            System.out.printf(
                    "%-14s p50 = %9.2f us, p99 = %9.2f us%n", benchmark, s.getPercentile(50), s.getPercentile(99));
        }
        System.out.printf(
                "ratio longBodyWhole/longBody = %.0f (p50)%n",
                results.of("longBodyWhole").getPercentile(50)
                        / results.of("longBody").getPercentile(50));
    }
}
