package io.maestro.conductor.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maestro.conductor.registry.EmbeddedDatabase;
import io.maestro.conductor.registry.store.RegistrySchema;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub's tables come from the hub's migrations, and a database from before the move (the registry's migrations
 * created them then: V50, V51, V53 and part of V80) keeps working: its rows stay, nothing runs twice, and both
 * histories validate afterwards.
 */
class HubSchemaTest {

    /** Version 80's checksum as every database migrated before the move recorded it. */
    private static final int V80_CHECKSUM_BEFORE_THE_MOVE = 42102212;

    /** As the hub does before H2 loads: these tests share the JVM with hubs that check it. */
    @BeforeAll
    static void h2OnLoopbackOnly() {
        EmbeddedDatabase.serveOnLoopbackOnly();
    }

    private static final List<String> HUB_TABLES =
            List.of("residency_denial", "evidence_bundle", "evidence_dead_letter", "lifecycle_decision");

    @OnEachDatabase
    void aNewDatabaseGetsTheHubTablesFromTheHubsMigrationsOnly(TestDatabase database) {
        DataSource dataSource = database.open();

        RegistrySchema.migrate(dataSource);
        assertThat(HubSchema.createdBeforeTheHubsMigrations(dataSource)).isZero();
        HubSchema.migrate(dataSource);

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        HUB_TABLES.forEach(table -> assertThat(count(jdbc, table)).as(table).isZero());
        assertThat(count(jdbc, "adapter_certification")).isZero();
        assertThatThrownBy(() -> count(jdbc, "adapter_certification_approval")).isInstanceOf(DataAccessException.class);
        assertThat(appliedVersions(hubFlyway(dataSource))).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat(appliedVersions(registryFlyway(dataSource))).doesNotContain("50", "51", "53");
    }

    @OnEachDatabase
    void aDatabaseFromBeforeTheMoveKeepsItsRowsAndRunsNothingTwice(TestDatabase database) throws IOException {
        DataSource dataSource = database.open();
        migrateAsBeforeTheMove(dataSource, true);
        assertThat(checksumOf(registryFlyway(dataSource), "80")).isEqualTo(V80_CHECKSUM_BEFORE_THE_MOVE);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        insertOneRowEach(jdbc);

        RegistrySchema.migrate(dataSource);
        assertThat(HubSchema.createdBeforeTheHubsMigrations(dataSource)).isEqualTo(4);
        HubSchema.migrate(dataSource);

        HUB_TABLES.forEach(table -> assertThat(count(jdbc, table)).as(table).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT upload_id FROM evidence_dead_letter", String.class))
                .isEqualTo("upload-1");
        // the baseline, then the hub's versions since the move
        assertThat(appliedVersions(hubFlyway(dataSource))).containsExactly("4", "5", "6");
        assertThat(registryFlyway(dataSource).validateWithResult().validationSuccessful)
                .isTrue();
        assertThat(hubFlyway(dataSource).validateWithResult().validationSuccessful)
                .isTrue();

        // The next start finds nothing to do.
        RegistrySchema.migrate(dataSource);
        HubSchema.migrate(dataSource);
        HUB_TABLES.forEach(table -> assertThat(count(jdbc, table)).as(table).isEqualTo(1));
    }

    @OnEachDatabase
    void aDatabaseFromBeforeTheLifecycleLogGetsItFromTheHub(TestDatabase database) throws IOException {
        DataSource dataSource = database.open();
        migrateAsBeforeTheMove(dataSource, false);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO residency_denial (tenant_id, environment, instance, action, actor, policy,"
                + " decision_id, code, reasons, denied_at) VALUES ('t', 'dev', 'i', 'a', 'x', 'p', 'd', 'c', '[]',"
                + " CURRENT_TIMESTAMP)");

        RegistrySchema.migrate(dataSource);
        HubSchema.migrate(dataSource);

        assertThat(count(jdbc, "residency_denial")).isEqualTo(1);
        assertThat(count(jdbc, "lifecycle_decision")).isZero();
        assertThat(count(jdbc, "change_request")).isZero();
        assertThat(appliedVersions(hubFlyway(dataSource))).containsExactly("3", "4", "5", "6");
    }

    /**
     * Version 6 moves the review's own dual-control approvals onto governance change requests: every approval row
     * becomes the requester or approver of one request per certification, none is lost, and the table goes.
     */
    @OnEachDatabase
    void theReviewsApprovalsBecomeChangeRequests(TestDatabase database) {
        DataSource dataSource = database.open();
        RegistrySchema.migrate(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(HubSchema.LOCATION)
                .table(HubSchema.HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("hub tables created by the registry migrations")
                .target("5")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(
                "INSERT INTO tenant (id, name, kind, created_at) VALUES ('acme', 'Acme', 'SAAS', CURRENT_TIMESTAMP)");
        certification(jdbc, "c-listed", "1.0.0", "marketplace_ready", "rita", "rob");
        certification(jdbc, "c-waiting", "1.1.0", "certified", "rita");
        certification(jdbc, "c-rejected", "1.2.0", "rejected", "rob");
        certification(jdbc, "c-low", "1.3.0", "certified");

        HubSchema.migrate(dataSource);

        assertThat(HubSchema.createdBeforeTheHubsMigrations(dataSource)).isEqualTo(4);
        assertThat(jdbc.queryForList(
                        "SELECT id || ':' || status || ':' || requested_by || ':' || COALESCE(decided_by, '-') || ':'"
                                + " || operation FROM change_request ORDER BY id",
                        String.class))
                .containsExactly(
                        "c-listed:APPLIED:rita:rob:MARKETPLACE_LISTING",
                        "c-rejected:STALE:rob:reviewer:MARKETPLACE_LISTING",
                        "c-waiting:PENDING:rita:-:MARKETPLACE_LISTING");
        assertThat(jdbc.queryForList(
                        "SELECT id || ':' || COALESCE(listing_request, '-') FROM adapter_certification ORDER BY id",
                        String.class))
                .containsExactly("c-listed:c-listed", "c-low:-", "c-rejected:c-rejected", "c-waiting:c-waiting");
        assertThat(jdbc.queryForObject(
                        "SELECT request_decision_id || ' ' || decision_id FROM change_request WHERE id = 'c-listed'",
                        String.class))
                .isEqualTo("receipt-c-listed-rita receipt-c-listed-rob");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM change_request WHERE id = 'c-waiting' AND expires_at > CURRENT_TIMESTAMP",
                        Long.class))
                .isEqualTo(1);
        assertThat(io.maestro.conductor.registry.store.Json.parse(jdbc.queryForObject(
                                "SELECT change FROM change_request WHERE id = 'c-listed'", String.class))
                        .path("version")
                        .asText())
                .isEqualTo("1.0.0");
        assertThatThrownBy(() -> count(jdbc, "adapter_certification_approval")).isInstanceOf(DataAccessException.class);
    }

    /** A certification row of tenant acme as V5 stored it, with one approval row per approver (in this order). */
    private static void certification(JdbcTemplate jdbc, String id, String version, String state, String... approvers) {
        jdbc.update(
                "INSERT INTO adapter_certification (id, tenant_id, environment, adapter_name, adapter_version,"
                        + " category, owner, state, risk_rating, findings, key_id, jar_sha256, manifest_sha256,"
                        + " evidence_instance, evidence_prefix, evidence_sha256, evidence_receipt, submitted_by,"
                        + " submitted_at, reviewed_by, updated_at) VALUES (?, 'acme', 'dev', 'hello', ?, 'notify',"
                        + " 'acme', ?, 'HIGH', '[]', 'k', 'j', 'm', 'evidence', 'p/', 'e', 'r', 'sam', CURRENT_TIMESTAMP,"
                        + " 'reviewer', CURRENT_TIMESTAMP)",
                id,
                version,
                state);
        for (int i = 0; i < approvers.length; i++) {
            jdbc.update(
                    "INSERT INTO adapter_certification_approval (certification_id, approver, approved_at, receipt_id)"
                            + " VALUES (?, ?, ?, ?)",
                    id,
                    approvers[i],
                    java.sql.Timestamp.from(
                            java.time.Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i)),
                    "receipt-" + id + "-" + approvers[i]);
        }
    }

    @OnEachDatabase
    void anyOtherDifferenceInTheHistoryStillStopsTheMigration(TestDatabase database) throws IOException {
        DataSource dataSource = database.open();
        migrateAsBeforeTheMove(dataSource, true);
        new JdbcTemplate(dataSource)
                .update("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '1'");

        assertThatThrownBy(() -> RegistrySchema.migrate(dataSource)).isInstanceOf(FlywayValidateException.class);
    }

    /**
     * The registry's migrations as they were before the move: V1 and V52 as today, V50, V51 and V53 as the hub's V1
     * to V3 (the same files), and V80 as today's registry V80 followed by the hub's V4 (the two halves it was split
     * into; Flyway's checksum skips blank lines, so the halves give the old checksum).
     */
    private static void migrateAsBeforeTheMove(DataSource dataSource, boolean withV80) throws IOException {
        Path dir = Files.createTempDirectory("registry-before-the-move");
        copy("db/migration/V1__registry_schema.sql", dir, "V1__registry_schema.sql");
        copy("db/hub/V1__residency_denial.sql", dir, "V50__residency_denial.sql");
        copy("db/hub/V2__evidence_upload.sql", dir, "V51__evidence_upload.sql");
        copy("db/migration/V52__secret_version.sql", dir, "V52__secret_version.sql");
        copy("db/hub/V3__evidence_integrity.sql", dir, "V53__evidence_integrity.sql");
        if (withV80) {
            Files.writeString(
                    dir.resolve("V80__governance.sql"),
                    resource("db/migration/V80__governance.sql") + resource("db/hub/V4__lifecycle_decision.sql"),
                    StandardCharsets.UTF_8);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + dir)
                .load()
                .migrate();
    }

    private static void insertOneRowEach(JdbcTemplate jdbc) {
        jdbc.update(
                "INSERT INTO residency_denial (tenant_id, environment, instance, action, actor, policy, decision_id,"
                        + " code, reasons, denied_at) VALUES ('t', 'dev', 'i', 'a', 'x', 'p', 'd', 'c', '[]', CURRENT_TIMESTAMP)");
        jdbc.update(
                "INSERT INTO evidence_bundle (tenant_id, environment, bundle_id, status, upload_id, manifest_sha256,"
                        + " started_at) VALUES ('t', 'dev', 'b', 'IN_PROGRESS', 'upload-1', 'sha', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO evidence_dead_letter (id, tenant_id, environment, bundle_id, code, detail, request,"
                + " status, retries, failed_at, upload_id) VALUES ('dl', 't', 'dev', 'b', 'c', 'd', '{}', 'FAILED', 0,"
                + " CURRENT_TIMESTAMP, 'upload-1')");
        jdbc.update("INSERT INTO lifecycle_decision (decision_id, tenant_id, environment, action, actor, input,"
                + " allowed, reasons, decided_at) VALUES ('d', 't', 'dev', 'install', 'x', '{}', TRUE, '[]',"
                + " CURRENT_TIMESTAMP)");
    }

    private static Flyway registryFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(RegistrySchema.LOCATION)
                .load();
    }

    private static Flyway hubFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(HubSchema.LOCATION)
                .table(HubSchema.HISTORY)
                .load();
    }

    private static List<String> appliedVersions(Flyway flyway) {
        return Arrays.stream(flyway.info().applied())
                .map(applied -> applied.getVersion().getVersion())
                .toList();
    }

    private static Integer checksumOf(Flyway flyway, String version) {
        for (MigrationInfo applied : flyway.info().applied()) {
            if (version.equals(applied.getVersion().getVersion())) {
                return applied.getChecksum();
            }
        }
        return null;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static void copy(String resource, Path dir, String name) throws IOException {
        Files.writeString(dir.resolve(name), resource(resource), StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = HubSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
