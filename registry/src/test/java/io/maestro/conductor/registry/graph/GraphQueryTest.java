package io.maestro.conductor.registry.graph;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.InstallRequest;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class GraphQueryTest {

    @OnEachDatabase
    void dependentsFollowRoutesAndInstallsOfTheDefinition(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            tenantWithSecrets(registry, "globex");
            registry.secrets().put(OPERATOR, "globex", "prod", "gcs-key", "{}");
            registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-evidence"));
            registry.install(
                    OPERATOR,
                    "globex",
                    "prod",
                    "archive",
                    new InstallRequest(
                            "gcs-storage",
                            null,
                            Json.MAPPER
                                    .createObjectNode()
                                    .put("bucket", "globex-archive")
                                    .put("region", "europe-west1")
                                    .put("serviceAccountKey", "secret:gcs-key"),
                            "europe-west1"));
            registry.indexRoutes(Map.of(
                    "evidence-intake", List.of("direct:in", "storage:put?instance=evidence", "log:done"),
                    "nightly-archive", List.of("timer:nightly", "storage:copy?instance=archive&target=cold"),
                    "misnamed", List.of("payments:charge?instance=evidence")));

            assertThat(registry.dependents("s3-storage"))
                    .containsExactly(
                            new WorkflowDependent("evidence-intake", List.of("storage:put?instance=evidence")));
            assertThat(registry.dependents("gcs-storage"))
                    .extracting(WorkflowDependent::routeId)
                    .containsExactly("nightly-archive");

            registry.uninstall(OPERATOR, "acme", "dev", "evidence");
            assertThat(registry.dependents("s3-storage")).isEmpty();
            registry.install(OPERATOR, "globex", "dev", "evidence", s3("globex-evidence"));
            assertThat(registry.dependents("s3-storage"))
                    .extracting(WorkflowDependent::routeId)
                    .containsExactly("evidence-intake");

            registry.indexRoutes(Map.of("nightly-archive", List.of("storage:copy?instance=archive")));
            assertThat(registry.dependents("s3-storage")).isEmpty();
            assertThatThrownBy(() -> registry.dependents("no-such-definition"))
                    .extracting(e -> ((RegistryException) e).code())
                    .isEqualTo(ErrorCode.DEFINITION_NOT_FOUND);
        }
    }

    /** What the hub's storage adapter would answer (the registry itself knows no operations). */
    private static final OperationCatalog STORAGE_OPERATIONS =
            scheme -> "storage".equals(scheme) ? Optional.of(Set.of("put_object", "get_object")) : Optional.empty();

    @OnEachDatabase
    void validateWorkflowSaysWhichEndpointsTheTenantLacksAndWhy(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-evidence"));
            String yaml = """
                    - route:
                        id: intake
                        from:
                          uri: direct:intake
                          steps:
                            - to: storage:put_object?instance=evidence
                            - to:
                                uri: storage:put_object
                                parameters:
                                  instance: archive
                            - to: notify:email?instance=evidence
                            - to: storage:get_object
                            - to: storage:put?instance=evidence
                            - log: "stored"
                    """;

            List<WorkflowFinding> findings = registry.validateWorkflow("acme", "dev", yaml, STORAGE_OPERATIONS);

            assertThat(findings)
                    .extracting(WorkflowFinding::code)
                    .containsExactly(
                            "ADAPTER_NOT_INSTALLED",
                            "CATEGORY_MISMATCH",
                            "INSTANCE_PARAMETER_MISSING",
                            "OPERATION_UNKNOWN");
            assertThat(findings.get(0).endpointUri()).isEqualTo("storage:put_object?instance=archive");
            assertThat(findings.get(0).why()).contains("acme", "archive", "dev");
            assertThat(findings.get(3).why())
                    .isEqualTo("storage has no operation 'put'; use one of get_object, put_object");
            assertThat(registry.validateWorkflow(
                            "acme",
                            "dev",
                            "- route:\n    from:\n      uri: storage:put_object?instance=evidence\n",
                            STORAGE_OPERATIONS))
                    .isEmpty();
            assertThatThrownBy(() -> registry.validateWorkflow("acme", "dev", "- route: [unclosed", STORAGE_OPERATIONS))
                    .extracting(e -> ((RegistryException) e).code())
                    .isEqualTo(ErrorCode.WORKFLOW_INVALID);
        }
    }

    /** A consumer names its tenant itself: a workflow validated for one tenant cannot receive another's events. */
    @OnEachDatabase
    void aConsumerMustNameTheTenantAndEnvironmentTheWorkflowIsValidatedFor(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-evidence"));
            String consumer = """
                    - route:
                        from:
                          uri: eventbus:subscribe
                          parameters:
                            instance: evidence
                            tenant: %s
                            environment: %s
                            topic: orders
                          steps:
                            - to: storage:put_object?instance=evidence
                    """;

            List<WorkflowFinding> otherTenant =
                    registry.validateWorkflow("acme", "dev", consumer.formatted("globex", "dev"), STORAGE_OPERATIONS);
            List<WorkflowFinding> otherEnvironment =
                    registry.validateWorkflow("acme", "dev", consumer.formatted("acme", "prod"), STORAGE_OPERATIONS);
            List<WorkflowFinding> own =
                    registry.validateWorkflow("acme", "dev", consumer.formatted("acme", "dev"), STORAGE_OPERATIONS);

            assertThat(otherTenant).extracting(WorkflowFinding::code).containsExactly("TENANT_MISMATCH");
            assertThat(otherTenant.get(0).why()).contains("globex", "acme");
            assertThat(otherEnvironment).extracting(WorkflowFinding::code).containsExactly("ENVIRONMENT_MISMATCH");
            // Its own namespace: checked like any endpoint (evidence is a storage instance, not an event bus).
            assertThat(own).extracting(WorkflowFinding::code).containsExactly("CATEGORY_MISMATCH");
            assertThat(EndpointRef.parse("eventbus://subscribe?environment=dev&instance=bus&tenant=acme&topic=t"))
                    .get()
                    .extracting(EndpointRef::tenant, EndpointRef::environment, EndpointRef::instance)
                    .containsExactly("acme", "dev", "bus");
            assertThat(EndpointRef.parse("storage:put_object?instance=evidence")
                            .get()
                            .tenant())
                    .isNull();
        }
    }
}
