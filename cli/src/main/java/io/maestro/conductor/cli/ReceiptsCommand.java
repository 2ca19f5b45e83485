package io.maestro.conductor.cli;

import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.registry.receipt.ChainVerification;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.store.TenantStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code conductor receipts ...}: provenance receipts, read straight from the database. */
@Command(
        name = "receipts",
        mixinStandardHelpOptions = true,
        description = "Provenance receipts.",
        subcommands = ReceiptsCommand.Verify.class)
final class ReceiptsCommand extends CommandGroup {

    /** Exit codes: 0 chain valid, 1 chain invalid, 2 cannot check (no database, unknown tenant). */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check a tenant's receipt chain (edited, deleted, reordered receipts) and print the result "
                    + "as JSON. Exit 0 when valid, 1 when not, 2 when it cannot be checked.")
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--tenant", required = true, description = "Tenant id.")
        String tenant;

        @Option(
                names = "--db",
                description = "JDBC URL (H2 or PostgreSQL). Default: the embedded database in the " + "data directory.")
        String jdbcUrl;

        @Option(
                names = "--data-dir",
                defaultValue = "${env:CONDUCTOR_DATA_DIR:-data}",
                description = "Data directory of the embedded default (default: $CONDUCTOR_DATA_DIR or ./data).")
        Path dataDir;

        @Override
        public Integer call() {
            String url = jdbcUrl;
            String h2Password = "";
            if (url == null) {
                if (!Files.exists(dataDir.resolve(EmbeddedDatabase.FILE_NAME + ".mv.db"))) {
                    return fail(
                            "DATABASE_NOT_FOUND",
                            "no embedded database in " + dataDir.toAbsolutePath()
                                    + "; start the hub once, or pass --db");
                }
                url = EmbeddedDatabase.jdbcUrl(dataDir) + ";IFEXISTS=TRUE";
                // none kept: a database from before the hub gave it a password
                h2Password = EmbeddedDatabase.keptPassword(dataDir).orElse("");
            }
            DataSource dataSource = EmbeddedDatabase.unpooled(url, h2Password);
            if (new TenantStore(new JdbcTemplate(dataSource)).find(tenant).isEmpty()) {
                return fail("TENANT_NOT_FOUND", "tenant '" + tenant + "' not found");
            }
            ChainVerification result = new ReceiptLedger(dataSource).verify(tenant);
            spec.commandLine().getOut().println(Json.write(result));
            return result.valid() ? 0 : 1;
        }

        private int fail(String code, String message) {
            spec.commandLine().getErr().println(Json.write(Map.of("error", code, "message", message)));
            return 2;
        }
    }
}
