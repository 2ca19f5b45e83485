package io.maestro.conductor.registry.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the tests' PostgreSQL is: {@value TestDatabase#POSTGRES_ENV} when set, else {@value #DEFAULT_URL}, whose
 * database is created (from the {@code postgres} database) when missing. Tests never skip for want of it: when it
 * cannot be reached they fail, saying so.
 */
public final class TestPostgres {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/conductor_test?user=postgres";
    private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final String DEFAULT_DATABASE = "conductor_test";
    private static final String UNKNOWN_DATABASE = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private static String checked;

    private TestPostgres() {}

    /** The JDBC URL (with credentials, never to be printed) of a PostgreSQL database that is there and reachable. */
    public static synchronized String url() {
        if (checked == null) {
            String configured = System.getenv(TestDatabase.POSTGRES_ENV);
            checked = configured == null || configured.isBlank()
                    ? defaultDatabase()
                    : reachable(configured, "the PostgreSQL " + TestDatabase.POSTGRES_ENV + " names");
        }
        return checked;
    }

    private static String reachable(String url, String what) {
        try (Connection c = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            throw unreachable(what, e);
        }
    }

    private static String defaultDatabase() {
        String what = "PostgreSQL at 127.0.0.1:5432 (user postgres, database " + DEFAULT_DATABASE + ")";
        try (Connection c = DriverManager.getConnection(DEFAULT_URL)) {
            return DEFAULT_URL;
        } catch (SQLException e) {
            if (!UNKNOWN_DATABASE.equals(e.getSQLState())) {
                throw unreachable(what, e);
            }
        }
        try (Connection c = DriverManager.getConnection(DEFAULT_ADMIN_URL);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DEFAULT_DATABASE);
        } catch (SQLException e) {
            // Another test JVM created it first: the catalog's unique index or the duplicate check says so.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw unreachable(what, e);
            }
        }
        return reachable(DEFAULT_URL, what);
    }

    private static IllegalStateException unreachable(String what, SQLException cause) {
        return new IllegalStateException(
                "tests need " + what + " but it answered " + cause.getSQLState() + " (" + cause.getMessage()
                        + "); start PostgreSQL on 127.0.0.1:5432 with user postgres and trust auth, or set "
                        + TestDatabase.POSTGRES_ENV + " to a reachable jdbc:postgresql: URL",
                cause);
    }
}
