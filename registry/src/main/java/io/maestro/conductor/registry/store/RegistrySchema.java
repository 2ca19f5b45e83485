package io.maestro.conductor.registry.store;

import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's tables: Flyway migrations in {@value #LOCATION}, history in Flyway's default table.
 *
 * <p>Versions 50, 51 and 53 created tables only the hub uses (residency denials, evidence bundles and dead letters),
 * and version 80 also created the hub's lifecycle decision log; the hub's own migrations own those tables now. A
 * database migrated before that move has them applied: its history names three versions this jar no longer has and
 * an older checksum of version 80. Exactly that difference, and nothing else, is repaired once (Flyway marks the
 * three as deleted and takes version 80's new checksum); the tables and their rows stay where they are. Any other
 * difference still stops the migration, as Flyway's validation is meant to.
 */
public final class RegistrySchema {

    public static final String LOCATION = "classpath:db/migration";

    /** Versions that the hub's migrations replace. */
    static final Set<String> MOVED_TO_HUB = Set.of("50", "51", "53");
    /** The version that lost the lifecycle decision log to the hub, and its checksum before. */
    static final String SPLIT_VERSION = "80";

    static final int SPLIT_CHECKSUM_BEFORE = 42102212;

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySchema.class);

    private RegistrySchema() {}

    /** Migrates the registry's tables, after the one repair of a database from before the hub's own migrations. */
    public static void migrate(DataSource dataSource) {
        // Adapter jars add their own versions to this location (payments V70-V73, notary V91): a jar that joins a
        // database already past its numbers (V80 before payments was on the hub) must still apply them.
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .outOfOrder(true)
                .load();
        List<ValidateOutput> differences = flyway.validateWithResult().invalidMigrations.stream()
                .filter(difference ->
                        difference.errorDetails.errorCode != CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED)
                .toList();
        if (!differences.isEmpty() && differences.stream().allMatch(difference -> isTheHubMove(flyway, difference))) {
            flyway.repair();
            LOG.info(
                    "event=registry_history_repaired versions={} reason=\"hub-only tables moved to the hub's migrations\"",
                    differences.stream().map(difference -> difference.version).toList());
        }
        flyway.migrate();
    }

    private static boolean isTheHubMove(Flyway flyway, ValidateOutput difference) {
        if (difference.errorDetails.errorCode == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED) {
            return MOVED_TO_HUB.contains(difference.version);
        }
        return difference.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH
                && SPLIT_VERSION.equals(difference.version)
                && Integer.valueOf(SPLIT_CHECKSUM_BEFORE).equals(appliedChecksum(flyway, SPLIT_VERSION));
    }

    private static Integer appliedChecksum(Flyway flyway, String version) {
        for (MigrationInfo applied : flyway.info().applied()) {
            if (applied.getVersion() != null
                    && version.equals(applied.getVersion().getVersion())) {
                return applied.getChecksum();
            }
        }
        return null;
    }
}
