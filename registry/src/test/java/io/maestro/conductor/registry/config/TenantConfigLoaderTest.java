package io.maestro.conductor.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.TenantKind;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TempDirs;
import io.maestro.conductor.registry.support.TestDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

class TenantConfigLoaderTest {

    @OnEachDatabase
    void loadsTenantsSecretsDefinitionsAndInstancesAndASecondLoadChangesNothing(TestDatabase db) throws Exception {
        Path dir = copyOfTestConfig();
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            TenantConfigLoader loader =
                    new TenantConfigLoader(registry, Map.of("ACME_DEV_S3_ACCESS", "AKIA-FROM-ENV")::get);

            LoadReport first = loader.load(dir);
            assertThat(first).isEqualTo(new LoadReport(1, 2, 3, 3, 0));
            assertThat(registry.tenant("initech").orElseThrow().kind()).isEqualTo(TenantKind.WHITE_LABEL);
            assertThat(registry.instances("acme", "prod"))
                    .extracting(AdapterInstance::definitionName)
                    .containsExactly("test-webhook", "gcs-storage");
            assertThat(registry.secrets()
                            .read(TenantConfigLoader.ACTOR, "acme", "dev", "s3-access", "test")
                            .reveal())
                    .isEqualTo("AKIA-FROM-ENV");
            String generated = registry.secrets()
                    .read(TenantConfigLoader.ACTOR, "acme", "dev", "s3-secret", "test")
                    .reveal();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(40);

            assertThat(registry.receipts().list("acme"))
                    .extracting(Receipt::action)
                    .containsExactly(
                            ReceiptAction.SECRET_CREATED,
                            ReceiptAction.SECRET_CREATED,
                            ReceiptAction.INSTALL,
                            ReceiptAction.SECRET_CREATED,
                            ReceiptAction.INSTALL,
                            ReceiptAction.INSTALL);
            LoadReport second = loader.load(dir);
            assertThat(second.changedAnything()).isFalse();
            assertThat(registry.receipts().list("acme")).hasSize(6);
            assertThat(registry.secrets()
                            .read(TenantConfigLoader.ACTOR, "acme", "dev", "s3-secret", "test")
                            .reveal())
                    .isEqualTo(generated);

            Path acme = dir.resolve("acme.yaml");
            Files.writeString(acme, Files.readString(acme).replace("acme-dev-evidence", "acme-dev-evidence-v2"));
            assertThat(loader.load(dir).instancesUpdated()).isEqualTo(1);
            assertThat(registry.receipts().list("acme"))
                    .last()
                    .satisfies(r -> assertThat(r.action()).isEqualTo(ReceiptAction.UPDATE));
            assertThat(registry.receipts().verify("acme").valid()).isTrue();
        } finally {
            TempDirs.delete(dir);
        }
    }

    @OnEachDatabase
    void aSecretRotatedThroughItsEnvironmentVariableLeavesOneReceiptAndNoValue(TestDatabase db) throws Exception {
        Path dir = copyOfTestConfig();
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            new TenantConfigLoader(registry, Map.of("ACME_DEV_S3_ACCESS", "AKIA-FIRST")::get).load(dir);
            int before = registry.receipts().list("acme").size();

            TenantConfigLoader rotated =
                    new TenantConfigLoader(registry, Map.of("ACME_DEV_S3_ACCESS", "AKIA-SECOND")::get);
            rotated.load(dir);
            rotated.load(dir);

            List<Receipt> receipts = registry.receipts().list("acme");
            assertThat(receipts).hasSize(before + 1);
            assertThat(receipts).last().satisfies(r -> {
                assertThat(r.action()).isEqualTo(ReceiptAction.SECRET_ROTATED);
                assertThat(r.instance()).isEqualTo("secret:s3-access");
                assertThat(r.actor()).isEqualTo(TenantConfigLoader.ACTOR.id());
                assertThat(r.changeSet().path("valueVersion").asInt()).isEqualTo(2);
            });
            assertThat(receipts.toString()).doesNotContain("AKIA-FIRST").doesNotContain("AKIA-SECOND");
            assertThat(registry.receipts().verify("acme").valid()).isTrue();
        } finally {
            TempDirs.delete(dir);
        }
    }

    @OnEachDatabase
    void placeholdersInAnAdapterConfigAreResolvedAndAnUnchangedValueReloadsWithoutAReceipt(TestDatabase db)
            throws Exception {
        Path dir = copyOfTestConfig();
        Path acme = dir.resolve("acme.yaml");
        Files.writeString(
                acme,
                Files.readString(acme)
                        .replace("endpoint: http://127.0.0.1:9000", "endpoint: \"${ACME_S3:-http://127.0.0.1:9000}\""));
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            new TenantConfigLoader(registry, Map.of("ACME_S3", "http://127.0.0.1:41234")::get).load(dir);
            assertThat(registry.instance("acme", "dev", "evidence")
                            .orElseThrow()
                            .config()
                            .path("endpoint")
                            .asText())
                    .isEqualTo("http://127.0.0.1:41234");
            int receipts = registry.receipts().list("acme").size();

            assertThat(new TenantConfigLoader(registry, Map.of("ACME_S3", "http://127.0.0.1:41234")::get)
                            .load(dir)
                            .changedAnything())
                    .isFalse();
            assertThat(registry.receipts().list("acme")).hasSize(receipts);

            new TenantConfigLoader(registry, Map.<String, String>of()::get).load(dir);
            assertThat(registry.instance("acme", "dev", "evidence")
                            .orElseThrow()
                            .config()
                            .path("endpoint")
                            .asText())
                    .isEqualTo("http://127.0.0.1:9000");

            Files.writeString(acme, Files.readString(acme).replace("${ACME_S3:-http://127.0.0.1:9000}", "${ACME_S3}"));
            assertThatThrownBy(() -> new TenantConfigLoader(registry, Map.<String, String>of()::get).load(dir))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TENANT_CONFIG_INVALID);
                        assertThat(e.getMessage()).contains("acme.yaml", "ACME_S3");
                    });
        } finally {
            TempDirs.delete(dir);
        }
    }

    @OnEachDatabase
    void aBadFileIsRefusedNamingTheFile(TestDatabase db) throws Exception {
        Path dir = Files.createTempDirectory("tenant-config");
        try (RegistryHarness h = new RegistryHarness(db)) {
            Files.writeString(
                    dir.resolve("broken.yaml"), "id: broken\nname: Broken\nkind: partner\nenvironments: {dev: {}}\n");
            assertThatThrownBy(() -> h.registry().loadTenantConfig(dir))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.TENANT_CONFIG_INVALID);
                        assertThat(e.getMessage()).contains("broken.yaml", "kind");
                    });
            assertThat(h.registry().tenant("broken")).isEmpty();
        } finally {
            TempDirs.delete(dir);
        }
    }

    private static Path copyOfTestConfig() throws IOException, URISyntaxException {
        Path source = Path.of(
                TenantConfigLoaderTest.class.getResource("/tenant-config").toURI());
        Path target = Files.createTempDirectory("tenant-config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
