package io.maestro.conductor.hub.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The tables only the hub uses (residency denials, evidence bundles and dead letters, the lifecycle decision log):
 * Flyway migrations in {@value #LOCATION} of the hub jar, with a history table of their own ({@value #HISTORY}), so
 * the registry's migrations and the hub's never depend on each other's versions.
 *
 * <p>The registry's migrations created these tables before the hub had its own. On such a database the hub's history
 * starts at a baseline: the newest hub version whose table the database already has, so the steps it took then are
 * not taken twice and its rows stay. A database without them (a new one) starts at 0 and gets every step.
 */
public final class HubSchema {

    static final String LOCATION = "classpath:db/hub";
    static final String HISTORY = "hub_schema_history";

    /** The table each hub version creates, newest first (version 2's evidence_upload became evidence_bundle in 3). */
    private static final List<Step> STEPS = List.of(
            new Step(4, "lifecycle_decision"),
            new Step(3, "evidence_bundle"),
            new Step(2, "evidence_upload"),
            new Step(1, "residency_denial"));

    private record Step(int version, String table) {}

    private HubSchema() {}

    /** Runs after the registry's migrations, on the same data source. */
    public static void migrate(DataSource dataSource) {
        int before = createdBeforeTheHubsMigrations(dataSource);
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY)
                .baselineVersion(Integer.toString(before))
                // No quote in it: Flyway writes the description into its SQL unescaped, and a quote silently leaves
                // the baseline out.
                .baselineDescription("hub tables created by the registry migrations")
                .load();
        // Only while the hub's history is empty (the schema always holds the registry's tables, so Flyway asks for a
        // baseline): afterwards the history alone says what has run.
        if (flyway.info().applied().length == 0) {
            flyway.baseline();
        }
        flyway.migrate();
    }

    /** The newest hub version whose table exists already, 0 for none. */
    static int createdBeforeTheHubsMigrations(DataSource dataSource) {
        for (Step step : STEPS) {
            if (tableExists(dataSource, step.table())) {
                return step.version();
            }
        }
        return 0;
    }

    /**
     * Asks the table itself (a query that reads no row), on a connection of its own in auto-commit: it answers the
     * same on H2 and PostgreSQL whatever case each keeps names in. The names are this class's constants.
     */
    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }
}
