package io.maestro.conductor.registry.support;

import com.zaxxer.hikari.HikariDataSource;
import io.maestro.conductor.registry.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, empty database for one test: an H2 file in a temp directory, or a new schema (dropped afterwards) in the
 * tests' PostgreSQL: the one {@code CONDUCTOR_TEST_POSTGRES_URL} names, else database {@code conductor_test} of the
 * PostgreSQL every machine of ours runs at 127.0.0.1:5432 (user postgres, trust auth), created when missing.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_ENV = "CONDUCTOR_TEST_POSTGRES_URL";

    private final String kind;
    private final String url;
    private final String adminUrl;
    private final String schema;
    private final Path h2Dir;
    private final List<HikariDataSource> opened = new ArrayList<>();

    private TestDatabase(String kind, String url, String adminUrl, String schema, Path h2Dir) {
        this.kind = kind;
        this.url = url;
        this.adminUrl = adminUrl;
        this.schema = schema;
        this.h2Dir = h2Dir;
    }

    /** An H2 file database in {@code dir}, deleted with the database. */
    public static TestDatabase h2(Path dir) {
        return new TestDatabase("h2", EmbeddedDatabase.jdbcUrl(dir), null, null, dir);
    }

    /** A new schema in the tests' PostgreSQL ({@link TestPostgres#url()}). */
    public static TestDatabase postgres() {
        return postgres(TestPostgres.url());
    }

    public static TestDatabase postgres(String adminUrl) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(adminUrl);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema in " + POSTGRES_ENV, e);
        }
        String url = adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase("postgres", url, adminUrl, schema, null);
    }

    public String kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    /** A new pool on this database; closed with the database. */
    public HikariDataSource open() {
        HikariDataSource ds = EmbeddedDatabase.dataSource(url);
        opened.add(ds);
        return ds;
    }

    @Override
    public void close() throws SQLException {
        opened.forEach(HikariDataSource::close);
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(adminUrl);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        if (h2Dir != null) {
            TempDirs.delete(h2Dir);
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}
