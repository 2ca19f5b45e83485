package io.maestro.conductor.cli;

import io.maestro.conductor.notary.receipt.ReceiptExport;
import io.maestro.conductor.notary.receipt.ReceiptSealVerifier;
import io.maestro.conductor.notary.receipt.ReceiptSeals;
import io.maestro.conductor.notary.receipt.SealedChainVerification;
import io.maestro.conductor.registry.receipt.ChainVerification;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.registry.store.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code conductor receipts ...}: provenance receipts and their notary seals, read straight from the database. */
@Command(
        name = "receipts",
        mixinStandardHelpOptions = true,
        description = "Provenance receipts.",
        subcommands = {ReceiptsCommand.Verify.class, ReceiptsCommand.Export.class})
final class ReceiptsCommand extends CommandGroup {

    /** Exit codes: 0 chain and seals valid, 1 either invalid, 2 cannot check (no database, unknown tenant). */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check a tenant's receipt chain (edited, deleted, reordered receipts) and every notary seal "
                    + "(signature and RFC 3161 timestamp over each receipt), and print the result as JSON. "
                    + "Exit 0 when valid, 1 when not, 2 when it cannot be checked.")
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ReceiptDatabase database;

        @Option(
                names = "--tsa-ca",
                description = "PEM file of the TSA root(s) timestamps must chain to. Without it a token is checked "
                        + "against the certificate it carries only (tsaAnchored: false).")
        Path tsaCa;

        @Override
        public Integer call() throws IOException {
            List<X509Certificate> roots;
            try {
                roots = TsaRoots.of(TsaRoots.pem(tsaCa));
            } catch (IOException | IllegalArgumentException e) {
                return ReceiptDatabase.fail(
                        spec, "TSA_CA_INVALID", "--tsa-ca: no PEM certificate readable in " + tsaCa);
            }
            DataSource dataSource = database.open(spec).orElse(null);
            if (dataSource == null) {
                return 2;
            }
            ReceiptLedger ledger = new ReceiptLedger(dataSource);
            ChainVerification chain = ledger.verify(database.tenant);
            SealedChainVerification seals =
                    new ReceiptSealVerifier(ledger, new ReceiptSeals(dataSource)).verify(database.tenant, roots);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("tenant", chain.tenant());
            result.put("valid", chain.valid() && seals.valid());
            result.put("checked", chain.checked());
            result.put("firstBad", chain.firstBad());
            result.put("chainValid", chain.valid());
            result.put("sealsValid", seals.valid());
            result.put("sealed", seals.sealed());
            result.put("unsealed", seals.unsealed());
            result.put("tsaAnchored", tsaCa != null);
            result.put("firstBadSeal", seals.firstBad());
            spec.commandLine().getOut().println(Json.write(result));
            return chain.valid() && seals.valid() ? 0 : 1;
        }
    }

    /** Exit codes: 0 written, 2 cannot (no database, unknown tenant, unwritable directory). */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write a tenant's receipt chain with its seals (RFC 3161 tokens, JWS, public keys) to a "
                    + "directory that verifies elsewhere with openssl alone (its VERIFY.md says how).")
    static final class Export implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ReceiptDatabase database;

        @Option(names = "--out", required = true, description = "Directory to write (created when missing).")
        Path out;

        @Option(names = "--tsa-ca", description = "PEM file of the TSA root(s), copied as tsa-ca.pem.")
        Path tsaCa;

        @Override
        public Integer call() throws IOException {
            String roots;
            try {
                roots = TsaRoots.pem(tsaCa);
                TsaRoots.of(roots);
            } catch (IOException | IllegalArgumentException e) {
                return ReceiptDatabase.fail(
                        spec, "TSA_CA_INVALID", "--tsa-ca: no PEM certificate readable in " + tsaCa);
            }
            DataSource dataSource = database.open(spec).orElse(null);
            if (dataSource == null) {
                return 2;
            }
            ReceiptExport.Counts counts = new ReceiptExport(new ReceiptLedger(dataSource), new ReceiptSeals(dataSource))
                    .write(database.tenant, out, roots);
            spec.commandLine()
                    .getOut()
                    .println(Json.write(Map.of(
                            "tenant", database.tenant,
                            "receipts", counts.receipts(),
                            "sealed", counts.sealed(),
                            "out", out.toAbsolutePath().toString())));
            return 0;
        }
    }
}
