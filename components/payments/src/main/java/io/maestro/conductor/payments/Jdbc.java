package io.maestro.conductor.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The few JDBC steps the payments stores share: bind positional arguments, run one update, tell a duplicate key. */
public final class Jdbc {

    private Jdbc() {}

    public static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, args);
        return statement;
    }

    public static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    /**
     * One statement on its own connection.
     *
     * @throws IllegalStateException naming {@code what} and the SQL state only (never the values: they can be tenant
     *                               data)
     */
    public static int update(DataSource dataSource, String what, String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, args)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getSQLState(), e);
        }
    }

    /** SQL state class 23 (integrity constraint violation): on H2 and PostgreSQL alike, a key that exists. */
    public static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
