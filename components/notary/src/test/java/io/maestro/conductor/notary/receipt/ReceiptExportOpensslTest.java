package io.maestro.conductor.notary.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.notary.NotaryTestTsa;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sealed receipt chain exported and verified by the machine's openssl alone, as the export's VERIFY.md says: the
 * RFC 3161 tokens with {@code openssl ts -verify}, the Ed25519 signatures with {@code openssl pkeyutl -verify}.
 */
class ReceiptExportOpensslTest {

    @TempDir
    Path dir;

    @Test
    void anExportedChainVerifiesWithOpensslAndATamperedReceiptDoesNot() throws Exception {
        Path out = dir.resolve("export");
        try (NotaryTestTsa notary = new NotaryTestTsa();
                TestDatabase database = TestDatabase.h2(dir.resolve("db"))) {
            SealedLedger ledger = new SealedLedger(database).tenant("acme", 2);
            ledger.sealAll("acme", notary::seal);

            ReceiptExport.Counts counts =
                    new ReceiptExport(ledger.ledger, ledger.seals).write("acme", out, notary.rootsPem());

            assertThat(counts).isEqualTo(new ReceiptExport.Counts(2, 2));
            List<Receipt> chain = ledger.ledger.list("acme");
            assertThat(Files.readString(out.resolve("chain.txt")))
                    .contains("1 " + chain.get(0).hash() + " " + chain.get(0).prevHash());
        }

        Result ts = openssl(
                "ts",
                "-verify",
                "-data",
                "receipts/000001.json",
                "-in",
                "receipts/000001.tst",
                "-token_in",
                "-CAfile",
                "tsa-ca.pem");
        assertThat(ts.exit()).as(ts.output()).isZero();
        assertThat(ts.output()).contains("Verification: OK");

        String kid = Files.readAllLines(out.resolve("chain.txt")).get(2).split(" ")[3];
        Result signature = openssl(
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                "keys/" + kid + ".pem",
                "-rawin",
                "-in",
                "receipts/000002.signing-input",
                "-sigfile",
                "receipts/000002.sig");
        assertThat(signature.exit()).as(signature.output()).isZero();
        assertThat(signature.output()).contains("Signature Verified Successfully");

        Result digest = openssl("dgst", "-sha256", "-r", "receipts/000002.json");
        assertThat(digest.output())
                .startsWith(Files.readAllLines(out.resolve("chain.txt")).get(2).split(" ")[1]);

        Files.writeString(
                out.resolve("receipts/000001.json"),
                Files.readString(out.resolve("receipts/000001.json")).replace("alice", "mallory"));
        Result tampered = openssl(
                "ts",
                "-verify",
                "-data",
                "receipts/000001.json",
                "-in",
                "receipts/000001.tst",
                "-token_in",
                "-CAfile",
                "tsa-ca.pem");
        assertThat(tampered.exit()).isNotZero();
        assertThat(tampered.output()).contains("Verification: FAILED");
    }

    private record Result(int exit, String output) {}

    private Result openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.resolve("export").toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
