package io.maestro.conductor.registry;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.lifecycleReceipts;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.InstanceState;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;

class LifecycleTest {

    @OnEachDatabase
    void installUpdateUninstallAreServedFromTheMapsAndEachWritesAReceipt(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");

            AdapterInstance installed = registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-dev-evidence"));
            assertThat(installed.configVersion()).isEqualTo(1);
            assertThat(installed.definitionCoordinates()).isEqualTo("s3-storage@1.0.0");
            assertThat(installed.category()).isEqualTo(AdapterCategory.STORAGE);
            assertThat(registry.instances("acme", "dev"))
                    .extracting(AdapterInstance::name)
                    .containsExactly("evidence");
            assertThat(registry.instances("acme", "prod")).isEmpty();

            AdapterInstance updated = registry.update(
                    OPERATOR,
                    "acme",
                    "dev",
                    "evidence",
                    new UpdateRequest(1, s3Config("acme-dev-evidence-2"), null, InstanceState.DISABLED));
            assertThat(updated.configVersion()).isEqualTo(2);
            assertThat(registry.instance("acme", "dev", "evidence")
                            .orElseThrow()
                            .config()
                            .get("bucket")
                            .asText())
                    .isEqualTo("acme-dev-evidence-2");
            assertThat(registry.instance("acme", "dev", "evidence")
                            .orElseThrow()
                            .state())
                    .isEqualTo(InstanceState.DISABLED);

            registry.uninstall(OPERATOR, "acme", "dev", "evidence");
            assertThat(registry.instance("acme", "dev", "evidence")).isEmpty();
            assertThat(lifecycleReceipts(registry, "acme"))
                    .extracting(r -> r.action())
                    .containsExactly(ReceiptAction.INSTALL, ReceiptAction.UPDATE, ReceiptAction.UNINSTALL);
        }
    }

    @OnEachDatabase
    void staleConfigVersionIsAConflictAndWritesNothing(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            registry.install(OPERATOR, "acme", "dev", "evidence", s3("bucket-one"));
            registry.update(
                    OPERATOR, "acme", "dev", "evidence", new UpdateRequest(1, s3Config("bucket-two"), null, null));

            assertThatThrownBy(() -> registry.update(
                            OPERATOR,
                            "acme",
                            "dev",
                            "evidence",
                            new UpdateRequest(1, s3Config("bucket-three"), null, null)))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_VERSION_CONFLICT);
                        assertThat(e.getMessage()).contains("config version 2");
                    });
            assertThat(registry.instance("acme", "dev", "evidence")
                            .orElseThrow()
                            .config()
                            .get("bucket")
                            .asText())
                    .isEqualTo("bucket-two");
            assertThat(lifecycleReceipts(registry, "acme")).hasSize(2);

            AdapterInstance unchanged = registry.update(
                    OPERATOR, "acme", "dev", "evidence", new UpdateRequest(2, s3Config("bucket-two"), null, null));
            assertThat(unchanged.configVersion()).isEqualTo(2);
            assertThat(lifecycleReceipts(registry, "acme")).hasSize(2);
        }
    }

    @OnEachDatabase
    void otherTenantsInstancesAreNotFoundAndCannotBeChanged(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            tenantWithSecrets(registry, "globex");
            registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-bucket"));

            assertThat(registry.instance("globex", "dev", "evidence")).isEmpty();
            assertThat(registry.instance("acme/dev", "", "evidence")).isEmpty();
            assertThat(registry.instance("ac", "me/dev", "evidence")).isEmpty();
            assertThat(registry.instances("globex", "dev")).isEmpty();
            assertThatThrownBy(() -> registry.update(
                            OPERATOR,
                            "globex",
                            "dev",
                            "evidence",
                            new UpdateRequest(1, s3Config("stolen"), null, null)))
                    .extracting(e -> ((RegistryException) e).code())
                    .isEqualTo(ErrorCode.ADAPTER_NOT_INSTALLED);
            assertThatThrownBy(() -> registry.uninstall(OPERATOR, "globex", "dev", "evidence"))
                    .extracting(e -> ((RegistryException) e).code())
                    .isEqualTo(ErrorCode.ADAPTER_NOT_INSTALLED);
            assertThat(registry.instance("acme", "dev", "evidence")).isPresent();
            assertThat(lifecycleReceipts(registry, "globex")).isEmpty();
        }
    }

    @OnEachDatabase
    void unknownTenantEnvironmentDefinitionAndDuplicatesHaveTheirCodes(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-bucket"));

            assertCode(() -> registry.instances("nobody", "dev"), ErrorCode.TENANT_NOT_FOUND);
            assertCode(() -> registry.instances("acme", "staging"), ErrorCode.ENVIRONMENT_NOT_FOUND);
            assertCode(
                    () -> registry.install(
                            OPERATOR,
                            "acme",
                            "dev",
                            "x",
                            new InstallRequest("ftp-storage", null, s3Config("b"), "eu-west-1")),
                    ErrorCode.DEFINITION_NOT_FOUND);
            assertCode(
                    () -> registry.install(
                            OPERATOR,
                            "acme",
                            "dev",
                            "x",
                            new InstallRequest("s3-storage", "9.9.9", s3Config("b"), "eu-west-1")),
                    ErrorCode.DEFINITION_NOT_FOUND);
            assertCode(
                    () -> registry.install(OPERATOR, "acme", "dev", "evidence", s3("other-bucket")),
                    ErrorCode.ADAPTER_ALREADY_INSTALLED);
            assertCode(
                    () -> registry.install(
                            OPERATOR,
                            "acme",
                            "dev",
                            "x",
                            new InstallRequest("s3-storage", null, s3Config("b"), "mars-1")),
                    ErrorCode.REGION_NOT_SUPPORTED);
            assertCode(() -> registry.install(OPERATOR, "acme", "dev", "Bad/Name", s3("b")), ErrorCode.NAME_INVALID);
            assertThat(lifecycleReceipts(registry, "acme")).hasSize(1);
        }
    }

    static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @OnEachDatabase
    void anUpdateMayMoveTheInstanceToAnotherVersionOfItsDefinition(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            AdapterDefinition current = registry.definition("s3-storage", "1.0.0");
            registry.publishDefinition(new AdapterDefinition(
                    current.name(),
                    "1.1.0",
                    current.category(),
                    current.owner(),
                    current.description(),
                    current.risk(),
                    current.configSchema(),
                    current.supportedRegions(),
                    current.capabilities()));
            registry.install(
                    OPERATOR,
                    "acme",
                    "dev",
                    "evidence",
                    new InstallRequest("s3-storage", "1.0.0", s3Config("bucket"), "eu-west-1"));

            AdapterInstance upgraded = registry.update(
                    OPERATOR, "acme", "dev", "evidence", new UpdateRequest(1, s3Config("bucket"), null, null, "1.1.0"));

            assertThat(upgraded.definitionCoordinates()).isEqualTo("s3-storage@1.1.0");
            assertThat(registry.instance("acme", "dev", "evidence")
                            .orElseThrow()
                            .definitionVersion())
                    .isEqualTo("1.1.0");
            assertThat(lifecycleReceipts(registry, "acme").get(1).changeSet().toString())
                    .contains("s3-storage@1.1.0");
            assertThatThrownBy(() -> registry.update(
                            OPERATOR,
                            "acme",
                            "dev",
                            "evidence",
                            new UpdateRequest(2, s3Config("bucket"), null, null, "9.9.9")))
                    .isInstanceOfSatisfying(
                            RegistryException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DEFINITION_NOT_FOUND));
        }
    }
}
