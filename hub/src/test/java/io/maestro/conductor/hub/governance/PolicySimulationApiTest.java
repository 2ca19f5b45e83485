package io.maestro.conductor.hub.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.RiskPosture;
import io.maestro.conductor.registry.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/policy/simulate}: a proposed bundle replayed against the suites and real decisions, hostile-safe. */
class PolicySimulationApiTest extends HubIntegrationTest {

    private static final String SIMULATE = "/api/policy/simulate";

    @Autowired
    Registry registry;

    private static String activeLifecycleRego() throws Exception {
        return Files.readString(
                HubProperties.repositoryPath("governance-policies").resolve("lifecycle.rego"));
    }

    private static ObjectNode activeData() throws Exception {
        Path data = HubProperties.repositoryPath("governance-policies").resolve("config/governance/data.json");
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("config").set("governance", Json.MAPPER.readTree(Files.readString(data)));
        return root;
    }

    @Test
    void aProposalThatLetsSaasTenantsRunIdentityFlipsTheRealDenialAndTheScenarioButActivatesNothing() throws Exception {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        registry.publishDefinition(new AdapterDefinition(
                "sim-identity",
                "1.0.0",
                AdapterCategory.IDENTITY,
                "test",
                "identity for simulation tests",
                new RiskPosture("medium", "confidential", false),
                schema,
                List.of("eu-west-1"),
                List.of("login")));
        Answer denied = api.postJson(
                "/api/tenants/orbit/environments/dev/adapters/sim-login",
                ALICE,
                TEAM_PASSWORD,
                Map.of("definition", "sim-identity", "region", "eu-west-1", "config", Map.of()));
        assertThat(denied.status()).isEqualTo(403);
        String decisionId = denied.json().path("decisionId").asText();

        ObjectNode data = activeData();
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        data.at("/config/governance/lifecycle/allowances/saas/categories"))
                .add("identity");
        Answer report = api.postJson(
                SIMULATE,
                ALICE,
                TEAM_PASSWORD,
                Map.of("modules", Map.of("lifecycle.rego", activeLifecycleRego()), "data", data));

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode body = report.json();
        assertThat(body.path("complete").asBoolean()).isTrue();
        assertThat(body.path("scenarios").path("checked").asInt()).isGreaterThanOrEqualTo(90);
        assertThat(body.path("scenarios").path("mismatches").toString()).contains("identity is not for SaaS tenants");
        assertThat(body.path("decisions").path("checked").asInt()).isPositive();
        JsonNode flip = null;
        for (JsonNode f : body.path("decisions").path("flips")) {
            if (decisionId.equals(f.path("decisionId").asText())) {
                flip = f;
            }
        }
        assertThat(flip).as(body.toString()).isNotNull();
        assertThat(flip.path("tenant").asText()).isEqualTo("orbit");
        assertThat(flip.path("before").path("allow").asBoolean()).isFalse();
        assertThat(flip.path("before").path("code").asText()).isEqualTo("LIFECYCLE_DENIED");
        assertThat(flip.path("after").path("allow").asBoolean()).isTrue();

        // nothing was activated: the same install is still denied
        assertThat(api.postJson(
                                "/api/tenants/orbit/environments/dev/adapters/sim-login",
                                ALICE,
                                TEAM_PASSWORD,
                                Map.of("definition", "sim-identity", "region", "eu-west-1", "config", Map.of()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theActiveBundleProposedAgainFlipsNothingAndFailsNoScenario() throws Exception {
        Answer report = api.postJson(
                SIMULATE,
                OPERATOR,
                operatorPassword(),
                Map.of("modules", Map.of("lifecycle.rego", activeLifecycleRego())));

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().path("scenarios").path("failed").asInt()).isZero();
        assertThat(report.json().path("decisions").path("flipped").asInt()).isZero();
    }

    @Test
    void hostileOrMalformedProposalsAndTheWrongCallersAreRefused() throws Exception {
        Map<String, Object> proposal = Map.of("modules", Map.of("lifecycle.rego", activeLifecycleRego()));
        assertThat(api.postJson(SIMULATE, VICTOR, TEAM_PASSWORD, proposal).status())
                .isEqualTo(403);
        assertThat(api.postJson(SIMULATE, BOB, TEAM_PASSWORD, proposal).status())
                .isEqualTo(403);
        Answer scoped = api.postJson(SIMULATE, ATLAS_USER, ATLAS_PASSWORD, proposal);
        assertThat(scoped.status()).isEqualTo(403);
        assertThat(scoped.json().path("code").asText()).isEqualTo("FORBIDDEN");

        Answer huge = api.postJson(
                SIMULATE,
                ALICE,
                TEAM_PASSWORD,
                Map.of("modules", Map.of("big.rego", "package big\n# " + "x".repeat(300_000))));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().path("code").asText()).isEqualTo("BUNDLE_TOO_LARGE");

        Answer broken = api.postJson(
                SIMULATE, ALICE, TEAM_PASSWORD, Map.of("modules", Map.of("broken.rego", "package broken\nallow if {")));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("code").asText()).isEqualTo("BUNDLE_INVALID");

        Answer network = api.postJson(
                SIMULATE,
                ALICE,
                TEAM_PASSWORD,
                Map.of(
                        "modules",
                        Map.of(
                                "net.rego",
                                "package governance.lifecycle\nimport rego.v1\ndecision := {\"allow\": count(net.lookup_ip_addr(\"example.com\")) > 0}")));
        assertThat(network.status()).isEqualTo(400);
        assertThat(network.json().path("code").asText()).isEqualTo("BUNDLE_INVALID");

        Answer badName = api.postJson(
                SIMULATE, ALICE, TEAM_PASSWORD, Map.of("modules", Map.of("../../etc/passwd.rego", "package x")));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().path("code").asText()).isEqualTo("SIMULATION_REQUEST_INVALID");

        Answer spin = api.postJson(
                SIMULATE,
                ALICE,
                TEAM_PASSWORD,
                Map.of(
                        "modules",
                        Map.of(
                                "spin.rego",
                                "package governance.lifecycle\nimport rego.v1\ndecision := {\"allow\": count([x | some a in "
                                        + "numbers.range(1, 5000); some b in numbers.range(1, 5000); x := a * b]) > 0}")));
        StringBuilder grow = new StringBuilder(
                "package governance.lifecycle\nimport rego.v1\ns0 := \"" + "x".repeat(100_000) + "\"\n");
        for (int k = 1; k <= 20; k++) {
            grow.append("s")
                    .append(k)
                    .append(" := concat(\"\", [s")
                    .append(k - 1)
                    .append(", s")
                    .append(k - 1)
                    .append("])\n");
        }
        grow.append("decision := {\"allow\": count(s20) > count(sprintf(\"%2000000000d\", [1]))}\n");
        Answer heap =
                api.postJson(SIMULATE, ALICE, TEAM_PASSWORD, Map.of("modules", Map.of("grow.rego", grow.toString())));
        assertThat(heap.status()).as(heap.body()).isEqualTo(200);
        assertThat(heap.json().path("scenarios").path("passed").asInt()).isZero();
        assertThat(heap.json().path("scenarios").path("mismatches").get(0).asText())
                .contains("no decision");
        assertThat(api.get("/api/tenants/atlas/change-requests", ALICE, TEAM_PASSWORD)
                        .status())
                .isEqualTo(200);

        assertThat(spin.status()).as(spin.body()).isEqualTo(200);
        assertThat(spin.json().path("scenarios").path("passed").asInt()).isZero();
        assertThat(spin.json().path("scenarios").path("mismatches").get(0).asText())
                .contains("no decision");
    }
}
