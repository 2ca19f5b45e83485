package io.maestro.conductor.hub.opa;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class PolicyBundlesHealthIndicatorTest {
    @TempDir
    Path bundle;

    @Test
    void downWithoutPolicyUpWithTheRejectedErrorsOfANewerChange() throws Exception {
        Files.writeString(bundle.resolve("p.rego"), "package p\nallow if {");
        try (EmbeddedDecisionPoint engine = EmbeddedDecisionPoint.empty(new DecisionLog(), Duration.ofSeconds(1))) {
            PolicyBundlesHealthIndicator indicator = new PolicyBundlesHealthIndicator(engine);
            var watcher = engine.watch(List.of(bundle), Duration.ofHours(1));
            Health never = indicator.health();
            assertThat(never.getStatus()).isEqualTo(Status.DOWN);
            assertThat(never.getDetails()).containsKey("rejectedErrors");

            Files.writeString(bundle.resolve("p.rego"), "package p\nallow := true\n");
            watcher.poll();
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(indicator.health().getDetails())
                    .containsKey("fingerprint")
                    .doesNotContainKey("rejectedErrors");

            Files.writeString(bundle.resolve("p.rego"), "package p\nallow if {");
            watcher.poll();
            Health degraded = indicator.health();
            assertThat(degraded.getStatus()).isEqualTo(Status.UP);
            assertThat((List<?>) degraded.getDetails().get("rejectedErrors")).isNotEmpty();
        }
    }
}
