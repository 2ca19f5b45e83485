package io.maestro.conductor.cli;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.UpdateRequest;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TempDirs;
import io.maestro.conductor.registry.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code receipts verify} against the embedded H2 file while the registry (like a running hub) holds it open.
 * One hub for the class; only tenant globex gets tampered with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptsVerifyTest {

    private Path dataDir;
    private TestDatabase database;
    private RegistryHarness hub;

    @BeforeAll
    void startHub() throws Exception {
        dataDir = Files.createTempDirectory("conductor-cli-data");
        database = TestDatabase.h2(dataDir);
        hub = new RegistryHarness(database);
        for (String tenant : List.of("acme", "globex")) {
            tenantWithSecrets(hub.registry(), tenant);
            hub.registry().install(OPERATOR, tenant, "dev", "evidence", s3(tenant + "-a"));
            hub.registry()
                    .update(
                            OPERATOR,
                            tenant,
                            "dev",
                            "evidence",
                            new UpdateRequest(1, s3Config(tenant + "-b"), null, null));
        }
    }

    @AfterAll
    void stopHub() throws Exception {
        hub.close();
        database.close();
        TempDirs.delete(dataDir);
    }

    @Test
    void aValidChainPrintsJsonAndExitsZero() {
        CliRun run = CliRun.of("receipts", "verify", "--tenant", "acme", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isZero();
        JsonNode json = Json.parse(run.out());
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("checked").asLong())
                .isEqualTo(hub.registry().receipts().list("acme").size());
        assertThat(json.get("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void anEditedReceiptIsNamedAndExitsOne() {
        List<Receipt> receipts = hub.registry().receipts().list("globex");
        new JdbcTemplate(hub.dataSource())
                .update(
                        "UPDATE receipt SET action = 'UNINSTALL' WHERE id = ?",
                        receipts.get(1).id());

        CliRun run = CliRun.of("receipts", "verify", "--tenant", "globex", "--db", database.url());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = Json.parse(run.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.at("/firstBad/seq").asLong()).isEqualTo(2);
        assertThat(json.at("/firstBad/id").asText()).isEqualTo(receipts.get(1).id());
        assertThat(json.at("/firstBad/reason").asText()).startsWith("HASH_MISMATCH");
    }

    @Test
    void anUnknownTenantOrMissingDatabaseCannotBeChecked() throws Exception {
        CliRun unknown = CliRun.of("receipts", "verify", "--tenant", "nobody", "--data-dir", dataDir.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(Json.parse(unknown.err()).get("error").asText()).isEqualTo("TENANT_NOT_FOUND");

        Path empty = Files.createTempDirectory("conductor-cli-empty");
        try {
            CliRun missing = CliRun.of("receipts", "verify", "--tenant", "acme", "--data-dir", empty.toString());
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(Json.parse(missing.err()).get("error").asText()).isEqualTo("DATABASE_NOT_FOUND");
            assertThat(empty).isEmptyDirectory();
        } finally {
            TempDirs.delete(empty);
        }
    }
}
