package io.maestro.conductor.cli;

import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.store.TenantStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every {@code receipts} command shares: which database (the embedded default's, or {@code --db}) and
 * which tenant; opening it prints the JSON error and gives exit code 2 when it cannot be checked.
 */
final class ReceiptDatabase {

    @Option(names = "--tenant", required = true, description = "Tenant id.")
    String tenant;

    @Option(
            names = "--db",
            description = "JDBC URL (H2 or PostgreSQL). Default: the embedded database in the data directory.")
    String jdbcUrl;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:CONDUCTOR_DATA_DIR:-data}",
            description = "Data directory of the embedded default (default: $CONDUCTOR_DATA_DIR or ./data).")
    Path dataDir;

    /** The tenant's database, or empty after printing why it cannot be read. */
    Optional<DataSource> open(CommandLine.Model.CommandSpec spec) {
        String url = jdbcUrl;
        String h2Password = "";
        if (url == null) {
            if (!Files.exists(dataDir.resolve(EmbeddedDatabase.FILE_NAME + ".mv.db"))) {
                fail(
                        spec,
                        "DATABASE_NOT_FOUND",
                        "no embedded database in " + dataDir.toAbsolutePath() + "; start the hub once, or pass --db");
                return Optional.empty();
            }
            url = EmbeddedDatabase.jdbcUrl(dataDir) + ";IFEXISTS=TRUE";
            // none kept: a database from before the hub gave it a password
            h2Password = EmbeddedDatabase.keptPassword(dataDir).orElse("");
        }
        DataSource dataSource = EmbeddedDatabase.unpooled(url, h2Password);
        if (new TenantStore(new JdbcTemplate(dataSource)).find(tenant).isEmpty()) {
            fail(spec, "TENANT_NOT_FOUND", "tenant '" + tenant + "' not found");
            return Optional.empty();
        }
        return Optional.of(dataSource);
    }

    /** Prints one JSON error line on stderr; returns exit code 2 (cannot check). */
    static int fail(CommandLine.Model.CommandSpec spec, String code, String message) {
        spec.commandLine().getErr().println(Json.write(Map.of("error", code, "message", message)));
        return 2;
    }
}
