package io.maestro.conductor.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;

/**
 * The embedded default's system of record: an H2 file {@code <dataDir>/conductor.mv.db}. AUTO_SERVER lets
 * a second process (e.g. {@code bin/conductor receipts verify}) open it while the hub runs.
 */
public final class EmbeddedDatabase {

    public static final String FILE_NAME = "conductor";

    private EmbeddedDatabase() {
    }

    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(FILE_NAME) + ";AUTO_SERVER=TRUE";
    }

    /** A small connection pool on any JDBC URL (H2 or PostgreSQL). */
    public static HikariDataSource dataSource(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(8);
        config.setPoolName("conductor-registry");
        return new HikariDataSource(config);
    }
}
