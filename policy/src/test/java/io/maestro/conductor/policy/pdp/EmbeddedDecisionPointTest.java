package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.rego.RegoEngine;
import io.maestro.conductor.policy.rego.RegoModule;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EmbeddedDecisionPointTest {
    private static final EmbeddedDecisionPoint PDP = RepositoryBundles.decisionPoint();

    @AfterAll
    static void close() {
        PDP.close();
    }

    @Test
    void residencyDecisionAllowsAMatchingWrite() {
        Decision d = PDP.decide(DecisionRequest.ofJson("residency/decision", Inputs.ALLOWED_WRITE));

        assertThat(d.allowed()).isTrue();
        assertThat(d.code()).isEmpty();
        assertThat(d.reasons()).isEmpty();
        assertThat(d.path()).isEqualTo("residency/decision");
        assertThat(d.decisionId()).matches("[0-9a-f-]{36}");
        assertThat(d.duration()).isPositive();
        assertThat(((ObjectValue) d.result().orElseThrow()).get("data_region")).isEqualTo(StringValue.of("eu-west-1"));
    }

    @Test
    void residencyDecisionNamesTheMismatch() {
        Decision d = PDP.decide(DecisionRequest.ofJson("residency.decision", Inputs.MISMATCHED_WRITE));

        assertThat(d.denied()).isTrue();
        assertThat(d.code()).contains(Decision.RESIDENCY_MISMATCH);
        assertThat(d.reasons()).containsExactly("data region eu-central-1 does not match instance region eu-west-1");
        assertThat(d.path()).isEqualTo("residency/decision");
    }

    @Test
    void aBooleanRuleDeniesWithPolicyDenied() {
        Decision d = PDP.decide(DecisionRequest.ofJson("data.residency.allow", Inputs.MISMATCHED_WRITE));

        assertThat(d.denied()).isTrue();
        assertThat(d.code()).contains(Decision.POLICY_DENIED);
        assertThat(PDP.decide(DecisionRequest.ofJson("residency/allow", Inputs.ALLOWED_WRITE))
                        .allowed())
                .isTrue();
    }

    @Test
    void aDenySetGivesItsReasons() {
        Decision d = PDP.decide(DecisionRequest.ofJson(
                "residency/deny", Inputs.write("atlas", "scratch", "eu-west-1", "eu-central-1")));

        assertThat(d.code()).contains(Decision.POLICY_DENIED);
        assertThat(d.reasons())
                .containsExactlyInAnyOrder(
                        "data region eu-central-1 does not match instance region eu-west-1",
                        "instance scratch is not a storage pod of tenant atlas in region eu-west-1");
        assertThat(PDP.decide(DecisionRequest.ofJson("residency/deny", Inputs.ALLOWED_WRITE))
                        .allowed())
                .isTrue();
    }

    @Test
    void governanceDecisionNeedsApprovalForHighRisk() {
        Map<String, Object> install = Map.of(
                "tenant",
                "atlas",
                "tenant_kind",
                "internal",
                "environment",
                "dev",
                "actor",
                "alice",
                "roles",
                List.of("operator"),
                "action",
                "install",
                "adapter",
                Map.of("category", "payments"),
                "adapter_risk_level",
                "high",
                "data_sensitivity",
                "confidential",
                "requires_approval",
                false);

        Decision d = PDP.decide(DecisionRequest.ofMap("governance/lifecycle/decision", install));

        assertThat(d.code()).contains("APPROVAL_REQUIRED");
        assertThat(d.reasons())
                .containsExactly(
                        "install of a high-risk confidential adapter in dev needs approval by an approver other than alice");
    }

    @Test
    void anUndefinedResultIsUnavailableNotAnAllow() {
        Decision d = PDP.decide(DecisionRequest.ofJson("residency/no_such_rule", Inputs.ALLOWED_WRITE));

        assertThat(d.denied()).isTrue();
        assertThat(d.unavailable()).isTrue();
        assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
        assertThat(d.result()).isEmpty();
    }

    @Test
    void aResultThatIsNoDecisionIsUnavailableButKeptForTheLog() {
        Decision d = PDP.decide(DecisionRequest.ofJson("residency/data_region", Inputs.ALLOWED_WRITE));

        assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
        assertThat(d.reasons()).containsExactly("policy residency/data_region gave a string, not a decision");
        assertThat(d.result()).contains(StringValue.of("eu-west-1"));
    }

    @Test
    void anEvaluationErrorIsUnavailableAndNeverThrown() {
        String conflicting = """
        package broken
        import rego.v1
        x := 1 if input.a
        x := 2 if input.b
        """;
        try (EmbeddedDecisionPoint pdp = new EmbeddedDecisionPoint(
                RegoEngine.compile(List.of(new RegoModule("broken.rego", conflicting)), ObjectValue.EMPTY),
                new DecisionLog(),
                Duration.ofSeconds(1))) {
            Decision d = pdp.decide(DecisionRequest.ofJson("broken/x", "{\"a\": true, \"b\": true}"));

            assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
            assertThat(d.reasons()).singleElement().asString().contains("eval_conflict_error");
        }
    }

    @Test
    void anEvaluationThatRunsTooLongIsCutOffAndUnavailable() {
        String slow = """
        package slow
        import rego.v1
        n := count([x | some a in numbers.range(1, 3000); some b in numbers.range(1, 3000); x := a * b])
        """;
        try (EmbeddedDecisionPoint pdp = new EmbeddedDecisionPoint(
                RegoEngine.compile(List.of(new RegoModule("slow.rego", slow)), ObjectValue.EMPTY),
                new DecisionLog(),
                Duration.ofMillis(50))) {
            Decision d = pdp.decide(DecisionRequest.of("slow/n", null));

            assertThat(d.code()).contains(Decision.POLICY_UNAVAILABLE);
            assertThat(d.duration()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void decisionsDuringSwapsSeeOneWholeEngine() throws Exception {
        RegoEngine allowAll = RegoEngine.compile(
                List.of(
                        new RegoModule(
                                "p.rego",
                                "package p\nimport rego.v1\nallow := true\nwhy := \"a\"\ndecision := {\"allow\": allow, \"reasons\": [why]}")),
                ObjectValue.EMPTY);
        RegoEngine denyAll = RegoEngine.compile(
                List.of(
                        new RegoModule(
                                "p.rego",
                                "package p\nimport rego.v1\nallow := false\nwhy := \"b\"\ndecision := {\"allow\": allow, \"reasons\": [why]}")),
                ObjectValue.EMPTY);
        EmbeddedDecisionPoint pdp = new EmbeddedDecisionPoint(allowAll, new DecisionLog(), Duration.ofSeconds(1));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        Decision d = pdp.decide(DecisionRequest.of("p/decision", null));
                        seen.add(d.allowed() + ":" + d.reasons());
                    }
                }));
            }
            for (int i = 0; i < 200; i++) pdp.swap(i % 2 == 0 ? denyAll : allowAll);
            for (Future<?> f : work) f.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).isSubsetOf("true:[]", "false:[b]");
    }
}
