package io.maestro.conductor.registry.store;

import io.maestro.conductor.registry.model.Tenant;
import io.maestro.conductor.registry.model.TenantKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** SQL access to tenants and their environments. */
public final class TenantStore {

    private final JdbcTemplate jdbc;

    public TenantStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tenant> find(String id) {
        return query(
                        "SELECT t.id, t.name, t.kind, e.name AS env FROM tenant t "
                                + "LEFT JOIN environment e ON e.tenant_id = t.id WHERE t.id = ? ORDER BY e.name",
                        id)
                .stream()
                .findFirst();
    }

    public List<Tenant> findByIds(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        return query(
                "SELECT t.id, t.name, t.kind, e.name AS env FROM tenant t "
                        + "LEFT JOIN environment e ON e.tenant_id = t.id WHERE t.id IN (" + marks
                        + ") ORDER BY t.id, e.name",
                ids.toArray());
    }

    public List<String> ids() {
        return jdbc.queryForList("SELECT id FROM tenant ORDER BY id", String.class);
    }

    public void insert(Tenant tenant, Instant now) {
        jdbc.update(
                "INSERT INTO tenant (id, name, kind, created_at) VALUES (?, ?, ?, ?)",
                tenant.id(),
                tenant.name(),
                tenant.kind().id(),
                Sql.timestamp(now));
        for (String env : tenant.environments()) {
            insertEnvironment(tenant.id(), env, now);
        }
    }

    public void updateProfile(String id, String name, TenantKind kind) {
        jdbc.update("UPDATE tenant SET name = ?, kind = ? WHERE id = ?", name, kind.id(), id);
    }

    public void insertEnvironment(String tenantId, String environment, Instant now) {
        jdbc.update(
                "INSERT INTO environment (tenant_id, name, created_at) VALUES (?, ?, ?)",
                tenantId,
                environment,
                Sql.timestamp(now));
    }

    private List<Tenant> query(String sql, Object... args) {
        Map<String, TenantRow> rows = new LinkedHashMap<>();
        jdbc.query(
                sql,
                (RowCallbackHandler) rs -> {
                    String id = rs.getString("id");
                    TenantRow row = rows.get(id);
                    if (row == null) {
                        row = new TenantRow(rs.getString("name"), rs.getString("kind"), new ArrayList<>());
                        rows.put(id, row);
                    }
                    String env = rs.getString("env");
                    if (env != null) {
                        row.environments().add(env);
                    }
                },
                args);
        List<Tenant> tenants = new ArrayList<>();
        rows.forEach((id, row) -> tenants.add(
                new Tenant(id, row.name(), TenantKind.fromId(row.kind()).orElseThrow(), row.environments())));
        return tenants;
    }

    private record TenantRow(String name, String kind, List<String> environments) {}
}
