package io.maestro.conductor.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The load driver stops by itself: after its requests, or at its time limit, whichever comes first. */
class LoadRunTest {

    @Test
    void stopsAfterItsRequests() throws InterruptedException {
        AtomicLong seen = new AtomicLong();
        LoadRun.Result result = LoadRun.run(4, 100, Duration.ofSeconds(60), i -> {
            seen.incrementAndGet();
            return i % 10 != 0;
        });

        assertThat(seen).hasValue(100);
        assertThat(result.ok()).isEqualTo(90);
        assertThat(result.failed()).isEqualTo(10);
        assertThat(result.perSecond()).isPositive();
    }

    @Test
    void stopsAtItsTimeLimit() throws InterruptedException {
        LoadRun.Result result = LoadRun.run(2, Long.MAX_VALUE, Duration.ofMillis(500), i -> {
            sleep(20);
            return true;
        });

        assertThat(result.elapsed()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(30));
        assertThat(result.ok()).isPositive().isLessThan(Long.MAX_VALUE);
    }

    @Test
    void readsItsCommandLine() {
        ClusterOptions options = ClusterOptions.parse(new String[] {
            "--hubs", "1,3", "--requests", "50", "--seconds", "5", "--clients", "2", "--hub-jar", "x.jar"
        });

        assertThat(options.hubCounts()).isEqualTo(List.of(1, 3));
        assertThat(options.requests()).isEqualTo(50);
        assertThat(options.seconds()).isEqualTo(5);
        assertThat(options.clients()).isEqualTo(2);
        assertThat(options.hubJar()).isEqualTo(Path.of("x.jar"));
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--threads", "2"}))
                .hasMessageContaining("unknown option --threads");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--hubs"})).hasMessageContaining("no value");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
