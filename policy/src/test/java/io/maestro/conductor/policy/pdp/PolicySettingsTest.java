package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {
    private static final Path BASE = Path.of("/srv/conductor");

    @Test
    void defaultsToEmbeddedWithRelativeBundleDirs() {
        PolicySettings s = PolicySettings.fromProperties(
                Map.of("bundle-dirs", "residency-policies, ./governance-policies", "poll-interval", "500ms"), BASE);

        assertThat(s.mode()).isEqualTo("embedded");
        assertThat(s.bundleDirs())
                .containsExactly(BASE.resolve("residency-policies"), BASE.resolve("governance-policies"));
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.evalTimeout()).isEqualTo(PolicySettings.DEFAULT_EVAL_TIMEOUT);
        assertThat(s.decisionCacheSize()).isEqualTo(PolicySettings.DEFAULT_DECISION_CACHE_SIZE);
        assertThat(PolicySettings.fromProperties(Map.of("decision-cache-size", "0"), BASE)
                        .decisionCacheSize())
                .isZero();
    }

    @Test
    void readsOpaSettingsAndHidesThePassword() {
        PolicySettings s = PolicySettings.fromProperties(
                Map.of(
                        "mode",
                        "OPA",
                        "opa.url",
                        "http://127.0.0.1:8181",
                        "opa.timeout",
                        "PT0.25S",
                        "opa.retries",
                        "4",
                        "opa.username",
                        "operator",
                        "opa.password",
                        "pw-123"),
                BASE);

        assertThat(s.mode()).isEqualTo("opa");
        assertThat(s.opa().timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.opa().retries()).isEqualTo(4);
        assertThat(s.opa().authorizationHeader())
                .hasValueSatisfying(h -> assertThat(h).startsWith("Basic "));
        assertThat(s.opa().toString()).contains("basic:operator").doesNotContain("pw-123");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> PolicySettings.fromProperties(Map.of("mode", "remote"), BASE))
                .hasMessageContaining("mode must be embedded or opa");
        assertThatThrownBy(() -> PolicySettings.fromProperties(Map.of("mode", "opa"), BASE))
                .hasMessageContaining("opa.url");
        assertThatThrownBy(
                        () -> PolicySettings.fromProperties(Map.of("opa.url", "http://x", "opa.timeout", "soon"), BASE))
                .hasMessageContaining("opa.timeout");
        assertThatThrownBy(
                        () -> PolicySettings.fromProperties(Map.of("opa.url", "http://x", "opa.retries", "-1"), BASE))
                .hasMessageContaining("opa.retries");
        assertThatThrownBy(() -> PolicySettings.fromProperties(Map.of("decision-cache-size", "many"), BASE))
                .hasMessageContaining("decision-cache-size");
        assertThatThrownBy(() -> PolicySettings.fromProperties(Map.of("decision-cache-size", "-1"), BASE))
                .hasMessageContaining("decision-cache-size");
    }

    @Test
    void theFactoryBuildsAWatchingEmbeddedPoint() {
        try (PolicyDecisionPoint pdp =
                PolicyDecisionPointFactory.create(PolicySettings.embedded(RepositoryBundles.all()))) {
            assertThat(pdp.mode()).isEqualTo("embedded");
            assertThat(pdp.decide(DecisionRequest.ofJson("residency/allow", Inputs.ALLOWED_WRITE))
                            .allowed())
                    .isTrue();
            assertThat(((EmbeddedDecisionPoint) pdp)
                            .bundleStatus()
                            .orElseThrow()
                            .healthy())
                    .isTrue();
        }
    }
}
