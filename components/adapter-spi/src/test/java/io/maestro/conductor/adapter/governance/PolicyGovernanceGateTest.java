package io.maestro.conductor.adapter.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.policy.pdp.BundleLoader;
import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate over the real residency policy of {@code residency-policies/}, with residency data of this test's own
 * (so a change to the demo tenants' data does not change what is tested here).
 */
class PolicyGovernanceGateTest {

    private static final String DATA = """
            {"storage_write_actions": ["storage.put_object", "storage.signed_url"],
             "tenants": {"acme": {"regions": ["eu-west-1", "us-east-1"],
                                  "pods": {"eu-west-1": ["evidence"], "us-east-1": ["evidence-us"]}}}}
            """;

    @TempDir
    static Path bundle;

    static EmbeddedDecisionPoint decisionPoint;

    private static final Map<String, String> POLICIES = Map.of("storage", "residency/decision");

    private final List<GovernanceDecision> denied = new CopyOnWriteArrayList<>();
    private final PolicyGovernanceGate gate =
            new PolicyGovernanceGate(decisionPoint, POLICIES, List.of((request, decision) -> denied.add(decision)));

    @BeforeAll
    static void residencyBundle() throws IOException {
        Files.copy(repositoryRoot().resolve("residency-policies/residency.rego"), bundle.resolve("residency.rego"));
        Path data = Files.createDirectories(bundle.resolve("config/residency")).resolve("data.json");
        Files.writeString(data, DATA);
        decisionPoint = new EmbeddedDecisionPoint(
                BundleLoader.load(List.of(bundle)).compile(), new DecisionLog(), Duration.ofSeconds(1));
    }

    @Test
    void writeWhoseDataRegionMatchesTheInstanceIsAllowed() {
        GovernanceDecision decision = gate.evaluate(write("acme", "evidence", "eu-west-1", "eu-west-1"));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.decisionId()).isNotBlank();
        assertThat(denied).isEmpty();
    }

    @Test
    void writeToAnotherRegionIsAResidencyMismatchWithItsContext() {
        GovernanceDecision decision = gate.evaluate(write("acme", "evidence", "eu-west-1", "us-east-1"));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.code()).isEqualTo(SpiErrorCode.RESIDENCY_MISMATCH);
        assertThat(decision.reasons()).contains("data region us-east-1 does not match instance region eu-west-1");
        assertThat(decision.context())
                .containsEntry("tenant", "acme")
                .containsEntry("environment", "prod")
                .containsEntry("instance", "evidence")
                .containsEntry("policy", "residency/decision")
                .containsEntry("dataRegion", "us-east-1")
                .containsEntry("instanceRegion", "eu-west-1");
        assertThat(denied).containsExactly(decision);

        PolicyDeniedException raised = new PolicyDeniedException("acme/prod/evidence", decision);
        assertThat(raised.code()).isEqualTo(SpiErrorCode.RESIDENCY_MISMATCH);
        assertThat(raised.decisionId()).isEqualTo(decision.decisionId());
        assertThat(raised.getMessage())
                .contains(
                        "dataRegion=us-east-1",
                        "instanceRegion=eu-west-1",
                        "policy=residency/decision",
                        "tenant=acme",
                        decision.decisionId());
    }

    @Test
    void tenantWithoutResidencyEntryIsPolicyDenied() {
        GovernanceDecision decision = gate.evaluate(write("stranger", "evidence", "eu-west-1", "eu-west-1"));

        assertThat(decision.code()).isEqualTo(SpiErrorCode.POLICY_DENIED);
        assertThat(decision.reasons()).contains("tenant stranger has no residency entry");
    }

    @Test
    void readNeedsNoDataRegionButStaysOnTheTenantsPods() {
        GovernanceRequest read = new GovernanceRequest(
                "acme",
                "prod",
                "svc",
                "storage.get_object",
                adapter("evidence", "eu-west-1"),
                new GovernanceRequest.DataAttributes(null, null));
        GovernanceRequest foreignPod = new GovernanceRequest(
                "acme",
                "prod",
                "svc",
                "storage.get_object",
                adapter("evidence", "us-east-1"),
                new GovernanceRequest.DataAttributes(null, null));

        assertThat(gate.evaluate(read).allowed()).isTrue();
        assertThat(gate.evaluate(foreignPod).code()).isEqualTo(SpiErrorCode.RESIDENCY_MISMATCH);
    }

    @Test
    void categoryWithoutPolicyIsRefusedAsUnavailable() {
        GovernanceRequest payment = new GovernanceRequest(
                "acme",
                "prod",
                "svc",
                "payments.charge",
                new GovernanceRequest.AdapterAttributes("stripe", "payments", "stripe", "high", "restricted", null),
                new GovernanceRequest.DataAttributes(null, null));

        GovernanceDecision decision = gate.evaluate(payment);

        assertThat(decision.code()).isEqualTo(SpiErrorCode.POLICY_UNAVAILABLE);
        assertThat(decision.reasons()).containsExactly("no policy governs adapter category payments");
    }

    @Test
    void aNewCategoryIsGovernedByThePolicyItsConfigurationNames() {
        PolicyGovernanceGate configured = new PolicyGovernanceGate(
                decisionPoint, Map.of("storage", "residency/decision", "ticketing", "residency/decision"), List.of());
        GovernanceRequest ticket = new GovernanceRequest(
                "stranger",
                "prod",
                "svc",
                "ticketing.create",
                new GovernanceRequest.AdapterAttributes("jira", "ticketing", "jira", "low", "internal", null),
                new GovernanceRequest.DataAttributes(null, null));

        // Decided by the configured policy (residency leaves other categories alone), not refused for want of one.
        assertThat(configured.evaluate(ticket).allowed()).isTrue();
        assertThat(gate.evaluate(ticket).code()).isEqualTo(SpiErrorCode.POLICY_UNAVAILABLE);
    }

    @Test
    void everyListenerHearsOfADenyAndOneFailingLeavesTheDenyStanding() {
        List<GovernanceDecision> second = new CopyOnWriteArrayList<>();
        PolicyGovernanceGate listened = new PolicyGovernanceGate(
                decisionPoint,
                POLICIES,
                List.of(
                        (request, decision) -> denied.add(decision),
                        (request, decision) -> {
                            throw new IllegalStateException("audit store down");
                        },
                        (request, decision) -> second.add(decision)));

        GovernanceDecision decision = listened.evaluate(write("acme", "evidence", "eu-west-1", "us-east-1"));

        assertThat(decision.allowed()).isFalse();
        assertThat(denied).containsExactly(decision);
        assertThat(second).containsExactly(decision);
    }

    private static GovernanceRequest write(String tenant, String instance, String instanceRegion, String dataRegion) {
        return new GovernanceRequest(
                tenant,
                "prod",
                "svc",
                "storage.put_object",
                adapter(instance, instanceRegion),
                new GovernanceRequest.DataAttributes(dataRegion, "confidential"));
    }

    private static GovernanceRequest.AdapterAttributes adapter(String instance, String region) {
        return new GovernanceRequest.AdapterAttributes(instance, "storage", "s3", "medium", "confidential", region);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("residency-policies"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no residency-policies/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
