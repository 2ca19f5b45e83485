package io.maestro.conductor.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/** The results of one benchmark class's JMH run, by method name: what each benchmark's {@code main} reports from. */
public final class JmhResults {

    private final Collection<RunResult> results;

    private JmhResults(Collection<RunResult> results) {
        this.results = results;
    }

    /** Runs every benchmark method of {@code benchmarkClass} with the options its annotations give. */
    public static JmhResults run(Class<?> benchmarkClass) throws RunnerException {
        return new JmhResults(new Runner(new OptionsBuilder()
                        .include(benchmarkClass.getName() + "\\.")
                        .build())
                .run());
    }

    /** The sampled times of the benchmark method {@code method}. */
    public Statistics of(String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method))
                .getPrimaryResult()
                .getStatistics();
    }
}
