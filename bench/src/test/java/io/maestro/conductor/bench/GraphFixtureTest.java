package io.maestro.conductor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.registry.graph.WorkflowDependent;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark measures real answers: the seeded data loads through the maps and the queries find it. */
class GraphFixtureTest {

    @Test
    void seededTenantsAndRoutesAnswerBothQueries(@TempDir Path dataDir) {
        try (GraphFixture fixture = new GraphFixture(dataDir, 20, 10, 24)) {
            assertThat(fixture.registry().tenants()).hasSize(20);
            assertThat(fixture.registry().instances(GraphFixture.tenantId(7), GraphFixture.ENVIRONMENT))
                    .hasSize(10)
                    .filteredOn(i -> i.definitionName().equals("s3-storage"))
                    .extracting(AdapterInstance::name)
                    .containsExactly("inst-0", "inst-2", "inst-4", "inst-6", "inst-8");
            // route r names inst-(r % 12) and inst-((r + 5) % 12); inst-0..inst-9 exist, evens S3, odds GCS
            assertThat(fixture.registry().dependents("s3-storage"))
                    .hasSize(20)
                    .extracting(WorkflowDependent::routeId)
                    .contains("route-0", "route-1", "route-11")
                    .doesNotContain("route-5", "route-10", "route-17", "route-22");
            assertThat(fixture.registry().dependents("gcs-storage"))
                    .hasSize(20)
                    .extracting(WorkflowDependent::routeId)
                    .doesNotContain("route-6", "route-11", "route-18", "route-23");
        }
    }
}
