package io.maestro.conductor.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The embedded default's system of record: an H2 file {@code <dataDir>/conductor.mv.db}, user {@code sa}
 * with an empty password (the file is the boundary: it lives in the owner's data directory). AUTO_SERVER
 * lets a second process (e.g. {@code bin/conductor receipts verify}) open it while the hub runs.
 */
public final class EmbeddedDatabase {

    public static final String FILE_NAME = "conductor";
    /** The H2 user the hub creates the file with ({@code spring.datasource.username}); H2 refuses any other. */
    public static final String H2_USER = "sa";

    private EmbeddedDatabase() {
    }

    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve(FILE_NAME) + ";AUTO_SERVER=TRUE";
    }

    /** A small connection pool on any JDBC URL (H2 or PostgreSQL; PostgreSQL takes its user from the URL). */
    public static HikariDataSource dataSource(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (isH2(jdbcUrl)) {
            config.setUsername(H2_USER);
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("conductor-registry");
        return new HikariDataSource(config);
    }

    /** A connection per call, for short-lived tools such as the CLI. */
    public static DataSource unpooled(String jdbcUrl) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl);
        if (isH2(jdbcUrl)) {
            dataSource.setUsername(H2_USER);
        }
        return dataSource;
    }

    private static boolean isH2(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }
}
