package io.maestro.conductor.registry.receipt;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ReceiptChainTest {

    /** Five receipts for acme (install, update, install, update, uninstall) and one for globex. */
    private static List<Receipt> history(Registry registry) {
        tenantWithSecrets(registry, "acme");
        tenantWithSecrets(registry, "globex");
        registry.install(OPERATOR, "acme", "dev", "evidence", s3("bucket-a"));
        registry.update(OPERATOR, "acme", "dev", "evidence", new UpdateRequest(1, s3Config("bucket-b"), null, null));
        registry.install(OPERATOR, "globex", "prod", "archive", s3("globex-archive"));
        registry.install(OPERATOR, "acme", "prod", "evidence", s3("bucket-p"));
        registry.update(OPERATOR, "acme", "prod", "evidence", new UpdateRequest(1, s3Config("bucket-q"), null, null));
        registry.uninstall(OPERATOR, "acme", "dev", "evidence");
        return registry.receipts().list("acme");
    }

    @OnEachDatabase
    void receiptsChainPerTenantAndCarryAJsonPatchOfSecretReferencesOnly(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            List<Receipt> receipts = history(h.registry());

            // tenantWithSecrets writes four secrets first, each with its receipt
            assertThat(receipts).extracting(Receipt::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(receipts.subList(0, 4)).extracting(Receipt::action).containsOnly(ReceiptAction.SECRET_CREATED);
            assertThat(receipts.get(0).prevHash()).isEqualTo("0".repeat(64));
            for (int i = 1; i < receipts.size(); i++) {
                assertThat(receipts.get(i).prevHash())
                        .isEqualTo(receipts.get(i - 1).hash());
            }
            Receipt update = receipts.get(5);
            assertThat(update.actor()).isEqualTo("alice");
            assertThat(update.changeSet().toString())
                    .isEqualTo("[{\"op\":\"replace\",\"path\":\"/config/bucket\",\"value\":\"bucket-b\"}]");
            assertThat(receipts.get(4).changeSet().toString())
                    .contains("secret:s3-secret")
                    .doesNotContain("s3cr3t");
            assertThat(h.registry().receipts().verify("acme").valid()).isTrue();
            assertThat(h.registry().receipts().verify("globex")).satisfies(v -> {
                assertThat(v.valid()).isTrue();
                assertThat(v.checked()).isEqualTo(5);
            });
        }
    }

    @OnEachDatabase
    void anEditedReceiptIsNamed(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Receipt third = history(h.registry()).get(2);
            new JdbcTemplate(h.dataSource()).update("UPDATE receipt SET actor = 'mallory' WHERE id = ?", third.id());

            ChainVerification result = h.registry().receipts().verify("acme");
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBad().seq()).isEqualTo(3);
            assertThat(result.firstBad().id()).isEqualTo(third.id());
            assertThat(result.firstBad().reason()).startsWith("HASH_MISMATCH");
            assertThat(h.registry().receipts().verify("globex").valid()).isTrue();
        }
    }

    @OnEachDatabase
    void anEditedChangeSetIsNamed(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Receipt second = history(h.registry()).get(1);
            new JdbcTemplate(h.dataSource())
                    .update(
                            "UPDATE receipt SET change_set = ? WHERE id = ?",
                            "[{\"op\":\"replace\",\"path\":\"/config/bucket\",\"value\":\"innocent\"}]",
                            second.id());

            ChainVerification result = h.registry().receipts().verify("acme");
            assertThat(result.firstBad().id()).isEqualTo(second.id());
            assertThat(result.firstBad().reason()).startsWith("HASH_MISMATCH");
        }
    }

    @OnEachDatabase
    void aDeletedReceiptIsNamed(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Receipt second = history(h.registry()).get(1);
            new JdbcTemplate(h.dataSource()).update("DELETE FROM receipt WHERE id = ?", second.id());

            ChainVerification result = h.registry().receipts().verify("acme");
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBad().seq()).isEqualTo(2);
            assertThat(result.firstBad().reason()).startsWith("SEQUENCE_GAP");
        }
    }

    @OnEachDatabase
    void deletingTheNewestReceiptIsDetected(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            List<Receipt> receipts = history(h.registry());
            Receipt last = receipts.get(receipts.size() - 1);
            new JdbcTemplate(h.dataSource()).update("DELETE FROM receipt WHERE id = ?", last.id());

            ChainVerification result = h.registry().receipts().verify("acme");
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBad().seq()).isEqualTo(last.seq());
            assertThat(result.firstBad().reason()).startsWith("HEAD_MISMATCH");
        }
    }

    @OnEachDatabase
    void twoSwappedReceiptsAreNamed(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            List<Receipt> receipts = history(h.registry());
            JdbcTemplate jdbc = new JdbcTemplate(h.dataSource());
            jdbc.update(
                    "UPDATE receipt SET seq = -1 WHERE id = ?", receipts.get(1).id());
            jdbc.update(
                    "UPDATE receipt SET seq = 2 WHERE id = ?", receipts.get(2).id());
            jdbc.update(
                    "UPDATE receipt SET seq = 3 WHERE id = ?", receipts.get(1).id());

            ChainVerification result = h.registry().receipts().verify("acme");
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBad().seq()).isEqualTo(2);
            assertThat(result.firstBad().id()).isEqualTo(receipts.get(2).id());
            assertThat(result.firstBad().reason()).startsWith("PREV_HASH_MISMATCH");
        }
    }

    @OnEachDatabase
    void otherActionsJoinTheTenantsChainAndTheCallersTransaction(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            history(h.registry());
            ReceiptLedger ledger = h.registry().receipts();
            TransactionTemplate callerTx = new TransactionTemplate(new DataSourceTransactionManager(h.dataSource()));

            callerTx.executeWithoutResult(status -> {
                ledger.append(
                        "acme",
                        "prod",
                        "evidence-workflow",
                        ReceiptAction.EVIDENCE_STORED,
                        "evidence",
                        Json.parse("{\"objects\":[\"a.pdf\"]}"));
                status.setRollbackOnly();
            });
            assertThat(ledger.list("acme")).hasSize(9);

            Receipt stored = callerTx.execute(status -> ledger.append(
                    "acme",
                    "prod",
                    "evidence-workflow",
                    ReceiptAction.EVIDENCE_STORED,
                    "evidence",
                    Json.parse("{\"objects\":[\"b.pdf\"]}")));
            assertThat(stored.seq()).isEqualTo(10);
            assertThat(ledger.list("acme")).last().isEqualTo(stored);
            assertThat(ledger.verify("acme").valid()).isTrue();
        }
    }
}
