package io.maestro.conductor.cli;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.notary.NotaryTestTsa;
import io.maestro.conductor.notary.receipt.ReceiptSeals;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TempDirs;
import io.maestro.conductor.registry.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code receipts verify} and {@code receipts export} on a registry whose receipts the notary sealed. */
class ReceiptsSealedTest {

    private Path dataDir;
    private TestDatabase database;
    private RegistryHarness hub;
    private NotaryTestTsa notary;
    private Path tsaCa;

    @BeforeEach
    void sealedChain() throws Exception {
        dataDir = Files.createTempDirectory("conductor-cli-sealed");
        database = TestDatabase.h2(dataDir);
        hub = new RegistryHarness(database);
        notary = new NotaryTestTsa();
        tenantWithSecrets(hub.registry(), "acme");
        hub.registry().install(OPERATOR, "acme", "dev", "evidence", s3("acme-a"));
        ReceiptSeals seals = new ReceiptSeals(hub.dataSource());
        seals.sealPending("acme", notary::seal, "acme/prod/notary", 100);
        tsaCa = Files.writeString(dataDir.resolve("tsa-ca.pem"), notary.rootsPem());
    }

    @AfterEach
    void stop() throws Exception {
        notary.close();
        hub.close();
        database.close();
        TempDirs.delete(dataDir);
    }

    @Test
    void sealedReceiptsVerifyAgainstTheTsaRoot() {
        CliRun run = verify("--tsa-ca", tsaCa.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode json = Json.parse(run.out());
        int receipts = hub.registry().receipts().list("acme").size();
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("sealsValid").asBoolean()).isTrue();
        assertThat(json.get("sealed").asLong()).isEqualTo(receipts);
        assertThat(json.get("unsealed").asLong()).isZero();
        assertThat(json.get("tsaAnchored").asBoolean()).isTrue();
    }

    @Test
    void aReceiptRewrittenWithItsHashRecomputedFailsOnItsSeal() throws Exception {
        List<Receipt> receipts = hub.registry().receipts().list("acme");
        Receipt last = receipts.get(receipts.size() - 1);
        JdbcTemplate jdbc = new JdbcTemplate(hub.dataSource());
        jdbc.update("UPDATE receipt SET actor = 'mallory' WHERE id = ?", last.id());
        Receipt edited =
                new ReceiptLedger(hub.dataSource()).find("acme", last.id()).orElseThrow();
        String hash =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ReceiptLedger.canonical(edited)));
        jdbc.update("UPDATE receipt SET hash = ? WHERE id = ?", hash, last.id());
        jdbc.update("UPDATE tenant SET receipt_head_hash = ? WHERE id = 'acme'", hash);

        CliRun run = verify("--tsa-ca", tsaCa.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = Json.parse(run.out());
        assertThat(json.get("chainValid").asBoolean())
                .as("the chain alone is fooled")
                .isTrue();
        assertThat(json.get("sealsValid").asBoolean()).isFalse();
        assertThat(json.at("/firstBadSeal/id").asText()).isEqualTo(last.id());
    }

    @Test
    void anUnreadableTsaRootFileCannotBeChecked() throws Exception {
        Path notPem = Files.writeString(dataDir.resolve("not.pem"), "hello");

        CliRun run = verify("--tsa-ca", notPem.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(Json.parse(run.err()).get("error").asText()).isEqualTo("TSA_CA_INVALID");
    }

    @Test
    void anExportHoldsEveryReceiptWithItsProofs() throws Exception {
        Path out = dataDir.resolve("export");

        CliRun run = CliRun.of(
                "receipts",
                "export",
                "--tenant",
                "acme",
                "--db",
                database.url(),
                "--out",
                out.toString(),
                "--tsa-ca",
                tsaCa.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        int receipts = hub.registry().receipts().list("acme").size();
        assertThat(Json.parse(run.out()).get("sealed").asInt()).isEqualTo(receipts);
        assertThat(out.resolve("receipts/000001.tst")).exists();
        assertThat(out.resolve("VERIFY.md")).exists();
        assertThat(Files.readString(out.resolve("tsa-ca.pem"))).isEqualTo(notary.rootsPem());
    }

    private CliRun verify(String... extra) {
        List<String> args =
                new java.util.ArrayList<>(List.of("receipts", "verify", "--tenant", "acme", "--db", database.url()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }
}
