package io.maestro.conductor.payments;

import io.maestro.conductor.registry.support.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A test database with every migration on the classpath applied (the registry's and this jar's), as a hub runs. */
public final class MigratedDatabase {

    private MigratedDatabase() {}

    public static <D extends DataSource> D migrate(D dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }

    public static DataSource open(TestDatabase database) {
        return migrate(database.open());
    }
}
