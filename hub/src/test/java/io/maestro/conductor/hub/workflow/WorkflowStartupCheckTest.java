package io.maestro.conductor.hub.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routes loaded at start (routes/ and test-routes/) are indexed and checked against the demo tenants. */
class WorkflowStartupCheckTest extends HubIntegrationTest {

    private JsonNode workflowsHealth() {
        return api.get("/actuator/health", OPERATOR, operatorPassword())
                .json()
                .path("components")
                .path("workflows");
    }

    @Test
    void reportsEveryTenantEnvironmentThatUsesARouteButLacksOneOfItsAdapters() {
        JsonNode workflows = workflowsHealth();
        assertThat(workflows.path("status").asText()).isEqualTo("UP");
        assertThat(workflows.path("details").path("adapterRoutes").asInt()).isGreaterThanOrEqualTo(2);

        List<String> lacking = new ArrayList<>();
        for (JsonNode problem : workflows.path("details").path("problems")) {
            if (problem.path("route").asText().equals("test-archive-evidence")) {
                assertThat(problem.path("code").asText()).isEqualTo("ADAPTER_NOT_INSTALLED");
                assertThat(problem.path("endpoint").asText()).isEqualTo("storage://put_object?instance=ledger");
                lacking.add(problem.path("tenant").asText() + "/"
                        + problem.path("environment").asText());
            }
        }
        // Every demo tenant+environment has "evidence", so every one of them uses the route.
        assertThat(lacking)
                .containsExactlyInAnyOrder(
                        "atlas/dev", "atlas/prod", "lumen/dev", "lumen/prod", "orbit/dev", "orbit/prod");
    }

    @Test
    void reportsARouteNoTenantCanUse() {
        List<String> unused = new ArrayList<>();
        for (JsonNode problem : workflowsHealth().path("details").path("problems")) {
            if (problem.path("code").asText().equals(WorkflowChecker.NO_TENANT_USES_ROUTE)) {
                unused.add(problem.path("route").asText());
            }
        }
        assertThat(unused).containsExactly("test-unused-adapter");
    }

    @Test
    void theShippedRoutesHaveNoProblems() {
        for (JsonNode problem : workflowsHealth().path("details").path("problems")) {
            assertThat(problem.path("route").asText()).startsWith("test-");
        }
        assertThat(workflowsHealth().path("details").path("routes").asInt()).isGreaterThanOrEqualTo(3);
    }
}
