package io.maestro.conductor.registry.secret;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.support.CapturedLogs;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

class SecretVaultTest {

    @OnEachDatabase
    void valuesAreEncryptedAtRestAndEveryReadIsAuditedWithoutTheValue(TestDatabase db) throws Exception {
        try (RegistryHarness h = new RegistryHarness(db);
                CapturedLogs logs = new CapturedLogs()) {
            SecretVault vault = h.registry().secrets();
            tenantWithSecrets(h.registry(), "acme");
            vault.put(OPERATOR, "acme", "dev", "db-password", "correct-horse-battery-staple");

            SecretValue value = vault.read(OPERATOR, "acme", "dev", "db-password", "connect billing db");
            assertThat(value.reveal()).isEqualTo("correct-horse-battery-staple");
            assertThat(value.toString()).doesNotContain("correct-horse");

            JdbcTemplate jdbc = new JdbcTemplate(h.dataSource());
            String stored =
                    jdbc.queryForObject("SELECT ciphertext FROM secret WHERE name = 'db-password'", String.class);
            assertThat(stored).doesNotContain("correct-horse");
            assertThat(vault.accessLog("acme", 10)).first().satisfies(a -> {
                assertThat(a.actor()).isEqualTo("alice");
                assertThat(a.purpose()).isEqualTo("connect billing db");
                assertThat(a.environment()).isEqualTo("dev");
                assertThat(a.outcome()).isEqualTo("GRANTED");
            });
            assertThat(logs.lines())
                    .anySatisfy(line -> assertThat(line)
                            .contains(
                                    "secret read",
                                    "tenant=acme",
                                    "namespace=acme/dev",
                                    "actor=alice",
                                    "purpose=connect billing db"));
            assertThat(logs.all()).doesNotContain("correct-horse");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(h.dataDir().resolve(MasterKeySource.FILE_NAME))))
                    .isEqualTo("rw-------");
        }
    }

    @OnEachDatabase
    void anotherTenantsSecretIsNotFoundAndTheMissAudited(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            SecretVault vault = h.registry().secrets();
            tenantWithSecrets(h.registry(), "acme");
            tenantWithSecrets(h.registry(), "globex");
            vault.put(OPERATOR, "acme", "prod", "api-token", "acme-token-value");

            assertThatThrownBy(() -> vault.read(OPERATOR, "globex", "prod", "api-token", "probe"))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SECRET_NOT_FOUND);
                        assertThat(e.getMessage()).doesNotContain("acme-token-value");
                    });
            assertThat(vault.accessLog("globex", 10))
                    .first()
                    .satisfies(a -> assertThat(a.outcome()).isEqualTo("NOT_FOUND"));
            assertThatThrownBy(() -> vault.read(OPERATOR, "acme", "dev", "api-token", "wrong env"))
                    .extracting(e -> ((RegistryException) e).code())
                    .isEqualTo(ErrorCode.SECRET_NOT_FOUND);
        }
    }

    @OnEachDatabase
    void aCiphertextCopiedToAnotherNamespaceOrNameDoesNotDecrypt(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            SecretVault vault = h.registry().secrets();
            tenantWithSecrets(h.registry(), "acme");
            tenantWithSecrets(h.registry(), "globex");
            vault.put(OPERATOR, "acme", "prod", "api-token", "acme-token-value");
            vault.put(OPERATOR, "globex", "prod", "api-token", "globex-token-value");
            vault.put(OPERATOR, "acme", "prod", "other", "other-value");
            JdbcTemplate jdbc = new JdbcTemplate(h.dataSource());

            jdbc.update("UPDATE secret SET ciphertext = (SELECT ciphertext FROM secret WHERE tenant_id = 'acme' "
                    + "AND environment = 'prod' AND name = 'api-token') WHERE tenant_id = 'globex' AND environment = 'prod' "
                    + "AND name = 'api-token'");
            assertThatThrownBy(() -> vault.read(OPERATOR, "globex", "prod", "api-token", "copied row"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not decrypt")
                    .hasMessageNotContaining("acme-token-value");

            jdbc.update("UPDATE secret SET ciphertext = (SELECT ciphertext FROM secret WHERE tenant_id = 'acme' "
                    + "AND environment = 'prod' AND name = 'api-token') WHERE tenant_id = 'acme' AND environment = 'prod' "
                    + "AND name = 'other'");
            assertThatThrownBy(() -> vault.read(OPERATOR, "acme", "prod", "other", "renamed row"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @OnEachDatabase
    void secretsAreListedByNameOnlyAndCanBeDeleted(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            SecretVault vault = h.registry().secrets();
            tenantWithSecrets(h.registry(), "acme");
            vault.put(OPERATOR, "acme", "dev", "s3-secret", "rotated-value");

            assertThat(vault.names("acme", "dev")).containsExactly("s3-access", "s3-secret");
            assertThat(vault.read(OPERATOR, "acme", "dev", "s3-secret", "after rotation")
                            .reveal())
                    .isEqualTo("rotated-value");
            vault.delete(OPERATOR, "acme", "dev", "s3-access");
            assertThat(vault.exists("acme", "dev", "s3-access")).isFalse();
            assertThat(vault.exists("acme", "prod", "s3-access")).isTrue();
            assertThatThrownBy(() -> vault.delete(OPERATOR, "acme", "dev", "s3-access"))
                    .extracting(e -> ((RegistryException) e).code())
                    .isEqualTo(ErrorCode.SECRET_NOT_FOUND);
            assertThatThrownBy(() -> vault.put(OPERATOR, "acme", "dev", "Bad Name", "x"))
                    .extracting(e -> ((RegistryException) e).code())
                    .isEqualTo(ErrorCode.NAME_INVALID);
            assertThatThrownBy(() -> vault.put(OPERATOR, "acme", "qa", "x", "x"))
                    .extracting(e -> ((RegistryException) e).code())
                    .isEqualTo(ErrorCode.ENVIRONMENT_NOT_FOUND);
        }
    }

    @OnEachDatabase
    void everyCreateRotationAndDeleteLeavesAReceiptNamingTheVersionNeverTheValue(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            SecretVault vault = h.registry().secrets();
            tenantWithSecrets(h.registry(), "acme");
            String first = "first-value-" + UUID.randomUUID();
            String second = "second-value-" + UUID.randomUUID();

            Receipt created = vault.put(OPERATOR, "acme", "dev", "api-token", first);
            Receipt rotated = vault.put(OPERATOR, "acme", "dev", "api-token", second);
            Receipt deleted = vault.delete(OPERATOR, "acme", "dev", "api-token");

            List<Receipt> receipts = h.registry().receipts().list("acme").stream()
                    .filter(r -> r.instance().equals("secret:api-token"))
                    .toList();
            assertThat(receipts).extracting(Receipt::id).containsExactly(created.id(), rotated.id(), deleted.id());
            assertThat(receipts)
                    .extracting(Receipt::action)
                    .containsExactly(
                            ReceiptAction.SECRET_CREATED, ReceiptAction.SECRET_ROTATED, ReceiptAction.SECRET_DELETED);
            assertThat(receipts)
                    .extracting(r -> r.changeSet().path("valueVersion").asInt())
                    .containsExactly(1, 2, 2);
            assertThat(receipts).allSatisfy(r -> {
                assertThat(r.actor()).isEqualTo(OPERATOR.id());
                assertThat(r.environment()).isEqualTo("dev");
                assertThat(r.changeSet().path("secret").asText()).isEqualTo("api-token");
            });
            String everything = h.registry().receipts().list("acme").toString();
            assertThat(everything).doesNotContain(first).doesNotContain(second);
            assertThat(h.registry().receipts().verify("acme").valid()).isTrue();
        }
    }

    @OnEachDatabase
    void putIfChangedWritesAndReceiptsOnlyAValueTheSecretDoesNotHold(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            SecretVault vault = h.registry().secrets();
            tenantWithSecrets(h.registry(), "acme");
            String value = "reconciled-" + UUID.randomUUID();

            assertThat(vault.putIfChanged(OPERATOR, "acme", "dev", "reconciled", value, "test"))
                    .hasValueSatisfying(r -> assertThat(r.action()).isEqualTo(ReceiptAction.SECRET_CREATED));
            int after = h.registry().receipts().list("acme").size();
            assertThat(vault.putIfChanged(OPERATOR, "acme", "dev", "reconciled", value, "test"))
                    .isEmpty();
            assertThat(h.registry().receipts().list("acme")).hasSize(after);
            assertThat(vault.putIfChanged(OPERATOR, "acme", "dev", "reconciled", value + "-changed", "test"))
                    .hasValueSatisfying(r -> assertThat(r.action()).isEqualTo(ReceiptAction.SECRET_ROTATED));
            assertThat(vault.read(OPERATOR, "acme", "dev", "reconciled", "test").reveal())
                    .isEqualTo(value + "-changed");
        }
    }

    @OnEachDatabase
    void aValueOfExactlyTheBoundIsKept(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            SecretVault vault = h.registry().secrets();
            tenantWithSecrets(h.registry(), "acme");
            String largest = "x".repeat(SecretVault.MAX_VALUE_BYTES);

            vault.put(OPERATOR, "acme", "dev", "largest", largest);

            assertThat(vault.read(OPERATOR, "acme", "dev", "largest", "test").reveal())
                    .isEqualTo(largest);
        }
    }

    @OnEachDatabase
    void aRefusedWriteLeavesNoReceipt(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            SecretVault vault = h.registry().secrets();
            tenantWithSecrets(h.registry(), "acme");
            int before = h.registry().receipts().list("acme").size();

            assertThatThrownBy(() -> vault.put(OPERATOR, "acme", "dev", "Bad Name", "x"));
            assertThatThrownBy(() -> vault.delete(OPERATOR, "acme", "dev", "missing"));
            assertThatThrownBy(() -> vault.put(
                            OPERATOR, "acme", "dev", "oversized", "é".repeat(SecretVault.MAX_VALUE_BYTES / 2 + 1)))
                    .isInstanceOfSatisfying(
                            RegistryException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_VALUE_TOO_LARGE));
            assertThat(vault.exists("acme", "dev", "oversized")).isFalse();

            assertThat(h.registry().receipts().list("acme")).hasSize(before);
        }
    }
}
