package io.maestro.conductor.hub.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.adapter.CamelOperationCatalog;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.registry.Registry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The routes loaded at start (routes/ and test-routes/) are indexed and checked against the demo tenants. */
class WorkflowStartupCheckTest extends HubIntegrationTest {

    @Autowired
    Registry registry;

    @Autowired
    CamelContext camel;

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

    /**
     * A consumer route names its tenant and environment ({@code eventbus:subscribe?tenant=...}): only that namespace
     * uses it, so only there is it checked, although every demo namespace has an instance named evidence.
     */
    @Test
    void aRouteWhoseConsumerNamesItsTenantIsCheckedForThatTenantOnly() {
        WorkflowReport report = new WorkflowChecker(registry, new CamelOperationCatalog(camel), Clock.systemUTC())
                .check(Map.of(
                        "pinned-consumer",
                        List.of(
                                "eventbus://subscribe?environment=prod&instance=evidence&tenant=lumen&topic=orders",
                                "storage://put_object?instance=evidence")));

        assertThat(report.problems())
                .extracting(p -> p.tenant() + "/" + p.environment() + " " + p.code())
                .containsExactly("lumen/prod CATEGORY_MISMATCH");
    }
}
