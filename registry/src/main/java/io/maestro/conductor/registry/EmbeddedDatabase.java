package io.maestro.conductor.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.maestro.conductor.registry.secret.OwnerOnlyFile;
import io.maestro.conductor.registry.secret.RandomSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded default's system of record: an H2 file {@code <dataDir>/conductor.mv.db}, user {@code sa} with the
 * password kept in {@code <dataDir>/db-password} (generated on first start, owner-only, like the master keyset).
 * AUTO_SERVER lets a second process (e.g. {@code bin/conductor receipts verify}) open it while the hub runs; its TCP
 * port listens on loopback only ({@link #serveOnLoopbackOnly}).
 */
public final class EmbeddedDatabase {

    public static final String FILE_NAME = "conductor";
    /** The H2 user the hub creates the file with ({@code spring.datasource.username}); H2 refuses any other. */
    public static final String H2_USER = "sa";

    public static final String PASSWORD_FILE = "db-password";
    /** The interface H2's AUTO_SERVER port listens on. */
    public static final String LOOPBACK = "127.0.0.1";

    private EmbeddedDatabase() {}

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
        return unpooled(jdbcUrl, "");
    }

    /** A connection per call; {@code h2Password} is used for an H2 URL only (PostgreSQL takes its user from the URL). */
    public static DataSource unpooled(String jdbcUrl, String h2Password) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl);
        if (isH2(jdbcUrl)) {
            dataSource.setUsername(H2_USER);
            dataSource.setPassword(h2Password);
        }
        return dataSource;
    }

    /** The database password kept in the data dir, generated (owner-only) when there is none yet. */
    public static String password(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            return OwnerOnlyFile.readOrCreate(file, () -> RandomSecret.ofBytes(24))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the database password " + file, e);
        }
    }

    /** The database password kept in the data dir, if the hub has made one (a database from before has none). */
    public static Optional<String> keptPassword(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            return Files.exists(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database password " + file, e);
        }
    }

    /**
     * Gives a database created without a password (by a hub from before passwords) the password; does nothing for a
     * database that does not exist yet (H2 creates it with the password on first connect) or already has it.
     */
    public static void protectUnprotected(String jdbcUrl, String password) {
        String existingOnly = jdbcUrl + ";IFEXISTS=TRUE";
        try (Connection ignored = connect(existingOnly, password)) {
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                return;
            }
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException("cannot open the embedded database " + jdbcUrl, e);
            }
        }
        try (Connection legacy = connect(existingOnly, "");
                Statement statement = legacy.createStatement()) {
            // The generated password is base64url: no quote to escape.
            statement.execute("ALTER USER " + H2_USER + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the embedded database " + jdbcUrl + " refuses both its kept password and " + "none; was "
                            + PASSWORD_FILE + " replaced?",
                    e);
        }
    }

    /**
     * Makes H2's AUTO_SERVER (and any H2 TCP server of this JVM) listen on {@value #LOOPBACK} only: by default it binds
     * every interface. H2 reads {@code h2.bindAddress} once, when it first loads, so this must run before any H2 use;
     * an explicit {@code -Dh2.bindAddress} is respected.
     *
     * @throws IllegalStateException when H2 loaded before this could take effect
     */
    public static void serveOnLoopbackOnly() {
        String wanted = System.getProperty("h2.bindAddress");
        if (wanted == null) {
            System.setProperty("h2.bindAddress", LOOPBACK);
            wanted = LOOPBACK;
        }
        if (!wanted.equals(SysProperties.BIND_ADDRESS)) {
            throw new IllegalStateException("H2 loaded before h2.bindAddress was set, so the embedded database's "
                    + "server port would listen on every interface; start Java with -Dh2.bindAddress=" + LOOPBACK);
        }
    }

    private static Connection connect(String jdbcUrl, String password) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(jdbcUrl);
        h2.setUser(H2_USER);
        h2.setPassword(password);
        return h2.getConnection();
    }

    private static boolean isH2(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:");
    }
}
