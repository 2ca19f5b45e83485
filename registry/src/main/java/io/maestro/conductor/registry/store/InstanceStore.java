package io.maestro.conductor.registry.store;

import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.InstanceState;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** SQL access to installed adapter instances. */
public final class InstanceStore {

    private static final String SELECT = "SELECT i.*, d.category FROM adapter_instance i "
            + "JOIN adapter_definition d ON d.name = i.definition_name AND d.version = i.definition_version ";

    private static final RowMapper<AdapterInstance> INSTANCE = (rs, n) -> new AdapterInstance(
            rs.getString("tenant_id"),
            rs.getString("environment"),
            rs.getString("name"),
            rs.getString("definition_name"),
            rs.getString("definition_version"),
            AdapterCategory.fromId(rs.getString("category")).orElseThrow(),
            Json.parse(rs.getString("config")),
            rs.getString("region"),
            InstanceState.valueOf(rs.getString("state")),
            rs.getLong("config_version"),
            Sql.instant(rs, "created_at"),
            Sql.instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public InstanceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AdapterInstance> findByTenantEnv(String tenant, String environment) {
        return jdbc.query(
                SELECT + "WHERE i.tenant_id = ? AND i.environment = ? ORDER BY i.name", INSTANCE, tenant, environment);
    }

    /** Every instance of the given tenants, for loading many map entries with one query. */
    public List<AdapterInstance> findByTenants(List<String> tenants) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(tenants.size(), "?"));
        return jdbc.query(SELECT + "WHERE i.tenant_id IN (" + marks + ")", INSTANCE, tenants.toArray());
    }

    public Optional<AdapterInstance> find(String tenant, String environment, String name) {
        return jdbc
                .query(
                        SELECT + "WHERE i.tenant_id = ? AND i.environment = ? AND i.name = ?",
                        INSTANCE,
                        tenant,
                        environment,
                        name)
                .stream()
                .findFirst();
    }

    /** The distinct instance names installed from a definition, across all tenants. */
    public List<String> namesOfDefinition(String definitionName) {
        return jdbc.queryForList(
                "SELECT DISTINCT name FROM adapter_instance WHERE definition_name = ? ORDER BY name",
                String.class,
                definitionName);
    }

    public void insert(AdapterInstance i) {
        jdbc.update(
                "INSERT INTO adapter_instance (tenant_id, environment, name, definition_name, definition_version, "
                        + "config, region, state, config_version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                i.tenant(),
                i.environment(),
                i.name(),
                i.definitionName(),
                i.definitionVersion(),
                Json.write(i.config()),
                i.region(),
                i.state().name(),
                i.configVersion(),
                Sql.timestamp(i.createdAt()),
                Sql.timestamp(i.updatedAt()));
    }

    /** Writes {@code next} only if the stored config version is still {@code expectedVersion}; true when written. */
    public boolean update(AdapterInstance next, long expectedVersion) {
        return jdbc.update(
                        "UPDATE adapter_instance SET definition_version = ?, config = ?, region = ?, state = ?, "
                                + "config_version = ?, updated_at = ? "
                                + "WHERE tenant_id = ? AND environment = ? AND name = ? AND config_version = ?",
                        next.definitionVersion(),
                        Json.write(next.config()),
                        next.region(),
                        next.state().name(),
                        next.configVersion(),
                        Sql.timestamp(next.updatedAt()),
                        next.tenant(),
                        next.environment(),
                        next.name(),
                        expectedVersion)
                == 1;
    }

    public boolean delete(String tenant, String environment, String name) {
        return jdbc.update(
                        "DELETE FROM adapter_instance WHERE tenant_id = ? AND environment = ? AND name = ?",
                        tenant,
                        environment,
                        name)
                == 1;
    }
}
