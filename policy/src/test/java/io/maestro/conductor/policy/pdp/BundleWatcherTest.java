package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWatcherTest {
    private static final String POLICY = """
      package gate
      import rego.v1
      default allow := false
      allow if input.user in data.gate.users
      """;

    @TempDir
    Path bundle;

    private EmbeddedDecisionPoint pdp;

    @BeforeEach
    void load() throws Exception {
        Files.writeString(bundle.resolve("gate.rego"), POLICY);
        Files.createDirectories(bundle.resolve("gate"));
        Files.writeString(bundle.resolve("gate/data.json"), "{\"users\": [\"alice\"]}");
        pdp = EmbeddedDecisionPoint.empty(new DecisionLog(), Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        pdp.close();
    }

    private boolean allows(String user) {
        return pdp.decide(DecisionRequest.ofJson("gate/allow", "{\"user\": \"" + user + "\"}"))
                .allowed();
    }

    @Test
    void aChangedBundleIsReloaded() throws Exception {
        BundleWatcher watcher = pdp.watch(List.of(bundle), Duration.ofHours(1));
        assertThat(allows("bob")).isFalse();
        String first = watcher.status().activeFingerprint().orElseThrow();

        Files.writeString(bundle.resolve("gate/data.json"), "{\"users\": [\"alice\", \"bob\"]}");
        BundleStatus status = watcher.poll();

        assertThat(allows("bob")).isTrue();
        assertThat(status.healthy()).isTrue();
        assertThat(status.activeFingerprint()).isPresent().get().isNotEqualTo(first);
    }

    @Test
    void aBrokenChangeIsRejectedAndTheOldPolicyStays() throws Exception {
        BundleWatcher watcher = pdp.watch(List.of(bundle), Duration.ofHours(1));
        String active = watcher.status().activeFingerprint().orElseThrow();

        Files.writeString(bundle.resolve("gate.rego"), POLICY + "\nallow if {\n  input.user ==\n");
        BundleStatus rejected = watcher.poll();

        assertThat(allows("alice")).isTrue();
        assertThat(rejected.healthy()).isFalse();
        assertThat(rejected.activeFingerprint()).contains(active);
        assertThat(rejected.rejectedErrors())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e).contains("gate.rego:").contains("rego_parse_error"));
        assertThat(pdp.bundleStatus()).contains(rejected);

        Files.writeString(
                bundle.resolve("gate.rego"), POLICY.replace("default allow := false", "default allow := true"));
        BundleStatus fixed = watcher.poll();

        assertThat(fixed.healthy()).isTrue();
        assertThat(allows("mallory")).isTrue();
    }

    @Test
    void aCompileErrorIsReportedWithItsCode() throws Exception {
        BundleWatcher watcher = pdp.watch(List.of(bundle), Duration.ofHours(1));

        Files.writeString(bundle.resolve("gate.rego"), POLICY + "\nbad if undefined_function(input.user)\n");
        BundleStatus rejected = watcher.poll();

        assertThat(rejected.rejectedErrors()).anySatisfy(e -> assertThat(e).contains("rego_type_error"));
        assertThat(allows("alice")).isTrue();
    }

    @Test
    void theBackgroundPollerPicksUpAChange() throws Exception {
        pdp.watch(List.of(bundle), Duration.ofMillis(50));
        assertThat(allows("carol")).isFalse();

        Files.writeString(bundle.resolve("gate/data.json"), "{\"users\": [\"carol\"]}");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!allows("carol") && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(allows("carol")).isTrue();
    }

    @Test
    void aBundleThatNeverLoadedLeavesEveryDecisionUnavailable() throws Exception {
        Files.writeString(bundle.resolve("gate.rego"), "package gate\nallow if {");
        pdp.watch(List.of(bundle), Duration.ofHours(1));

        Decision d = pdp.decide(DecisionRequest.ofJson("gate/allow", "{\"user\": \"alice\"}"));

        assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
        assertThat(pdp.bundleStatus().orElseThrow().activeFingerprint()).isEmpty();
        assertThat(pdp.bundleStatus().orElseThrow().healthy()).isFalse();
    }
}
