package io.maestro.conductor.cli;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The hub gives the embedded database the password kept in {@code <data>/db-password} (a database from before
 * passwords gets it on the next start): {@code receipts verify} reads it from there, and without it cannot open
 * the database.
 */
class ReceiptsVerifyProtectedTest {

    @Test
    void verifyOpensAPasswordProtectedDatabaseWithTheKeptPasswordWhileTheHubHoldsIt() throws Exception {
        Path dataDir = Files.createTempDirectory("conductor-cli-protected");
        try (TestDatabase database = TestDatabase.h2(dataDir);
                RegistryHarness hub = new RegistryHarness(database)) {
            tenantWithSecrets(hub.registry(), "acme");
            hub.registry().install(OPERATOR, "acme", "dev", "evidence", s3("acme-a"));
            String password = EmbeddedDatabase.password(dataDir);
            EmbeddedDatabase.protectUnprotected(EmbeddedDatabase.jdbcUrl(dataDir), password);
            EmbeddedDatabase.protectUnprotected(EmbeddedDatabase.jdbcUrl(dataDir), password); // already: nothing to do

            CliRun run = CliRun.of("receipts", "verify", "--tenant", "acme", "--data-dir", dataDir.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = Json.parse(run.out());
            assertThat(json.get("valid").asBoolean()).isTrue();
            assertThat(json.get("checked").asLong())
                    .isEqualTo(hub.registry().receipts().list("acme").size());

            Files.move(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE), dataDir.resolve("moved-away"));
            CliRun withoutPassword =
                    CliRun.of("receipts", "verify", "--tenant", "acme", "--data-dir", dataDir.toString());
            assertThat(withoutPassword.exitCode()).isEqualTo(2);
            assertThat(withoutPassword.out()).isEmpty();
            assertThat(withoutPassword.err()).doesNotContain(password);
        }
    }
}
