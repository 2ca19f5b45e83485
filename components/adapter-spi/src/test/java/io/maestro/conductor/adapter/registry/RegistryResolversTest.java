package io.maestro.conductor.adapter.registry;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.model.InstanceState;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPI resolvers over a real registry (Hazelcast member + H2, as the hub runs it). */
class RegistryResolversTest {

    private static final InstanceRef EVIDENCE = new InstanceRef("acme", "dev", "evidence");

    @TempDir
    static Path dbDir;

    private static RegistryHarness harness;
    private static Registry registry;

    @BeforeAll
    static void openRegistry() {
        harness = new RegistryHarness(TestDatabase.h2(dbDir));
        registry = harness.registry();
        tenantWithSecrets(registry, "acme");
        tenantWithSecrets(registry, "globex");
        registry.install(OPERATOR, "acme", "dev", "evidence", s3("acme-evidence"));
    }

    @AfterAll
    static void closeRegistry() {
        harness.close();
    }

    @Test
    void resolvesAnInstalledInstanceWithItsDefinitionsRiskPosture() {
        ResolvedInstance instance = new RegistryInstanceResolver(registry).resolve(EVIDENCE, "storage");

        assertThat(instance.backend()).isEqualTo("s3-storage");
        assertThat(instance.region()).isEqualTo("eu-west-1");
        assertThat(instance.riskLevel()).isEqualTo("medium");
        assertThat(instance.dataSensitivity()).isEqualTo("confidential");
        assertThat(instance.config())
                .containsEntry("bucket", "acme-evidence")
                .containsEntry("secretKey", "secret:s3-secret");
        assertThat(instance.configVersion()).isPositive();
    }

    @Test
    void aResolutionIsReusedUntilAConfigUpdateRaisesTheVersion() {
        registry.install(OPERATOR, "globex", "dev", "moving", s3("globex-a"));
        RegistryInstanceResolver resolver = new RegistryInstanceResolver(registry);
        InstanceRef moving = new InstanceRef("globex", "dev", "moving");
        ResolvedInstance before = resolver.resolve(moving, "storage");

        assertThat(resolver.resolve(moving, "storage"))
                .as("unchanged: the same resolution")
                .isSameAs(before);
        registry.update(
                OPERATOR,
                "globex",
                "dev",
                "moving",
                new UpdateRequest(before.configVersion(), s3Config("globex-b"), "eu-west-1", InstanceState.ACTIVE));

        ResolvedInstance after = resolver.resolve(moving, "storage");
        assertThat(after.configVersion()).isGreaterThan(before.configVersion());
        assertThat(after.config()).containsEntry("bucket", "globex-b");
    }

    @Test
    void unknownOtherCategoryDisabledOrUnknownTenantIsNotInstalled() {
        RegistryInstanceResolver resolver = new RegistryInstanceResolver(registry);
        registry.install(OPERATOR, "globex", "prod", "off", s3("globex-off"));
        ResolvedInstance off = resolver.resolve(new InstanceRef("globex", "prod", "off"), "storage");
        registry.update(
                OPERATOR,
                "globex",
                "prod",
                "off",
                new UpdateRequest(off.configVersion(), s3Config("globex-off"), "eu-west-1", InstanceState.DISABLED));

        for (Runnable lookup : new Runnable[] {
            () -> resolver.resolve(new InstanceRef("acme", "dev", "nothing"), "storage"),
            () -> resolver.resolve(EVIDENCE, "payments"),
            () -> resolver.resolve(new InstanceRef("globex", "prod", "off"), "storage"),
            () -> resolver.resolve(new InstanceRef("nobody", "dev", "evidence"), "storage")
        }) {
            assertThatThrownBy(lookup::run)
                    .isInstanceOfSatisfying(
                            AdapterException.class,
                            e -> assertThat(e.code()).isEqualTo(SpiErrorCode.ADAPTER_NOT_INSTALLED));
        }
    }

    @Test
    void readsSecretsFromTheInstanceNamespaceAndTheVaultAuditsThePurpose() {
        RegistrySecretResolver secrets = new RegistrySecretResolver(registry.secrets());

        assertThat(secrets.resolve(EVIDENCE, "s3-secret", "storage.s3.client").reveal())
                .isEqualTo("s3cr3t-acme-dev");
        assertThat(registry.secrets().accessLog("acme", 20)).anySatisfy(access -> {
            assertThat(access.secret()).isEqualTo("s3-secret");
            assertThat(access.purpose()).isEqualTo("storage.s3.client");
            assertThat(access.actor()).isEqualTo("system:adapter/acme/dev/evidence");
        });
        assertThatThrownBy(() -> secrets.resolve(EVIDENCE, "no-such-secret", "storage.s3.client"))
                .isInstanceOfSatisfying(AdapterException.class, e -> {
                    assertThat(e.code()).isEqualTo(SpiErrorCode.SECRET_NOT_FOUND);
                    assertThat(e.instanceId()).isEqualTo("acme/dev/evidence");
                });
    }
}
