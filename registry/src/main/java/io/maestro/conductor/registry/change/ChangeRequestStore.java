package io.maestro.conductor.registry.change;

import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.store.Sql;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** SQL access to change requests (table {@code change_request}, migration V80). */
public final class ChangeRequestStore {

    private static final RowMapper<ChangeRequest> ROW = (rs, n) -> new ChangeRequest(
            rs.getString("id"),
            rs.getString("tenant_id"),
            rs.getString("environment"),
            rs.getString("instance"),
            ChangeOperation.valueOf(rs.getString("operation")),
            actions(rs.getString("actions")),
            Json.parse(rs.getString("change")),
            rs.getLong("base_config_version"),
            ChangeRequestStatus.valueOf(rs.getString("status")),
            rs.getString("requested_by"),
            Sql.instant(rs, "requested_at"),
            Sql.instant(rs, "expires_at"),
            rs.getString("request_decision_id"),
            rs.getString("decided_by"),
            rs.getObject("decided_at") == null ? null : Sql.instant(rs, "decided_at"),
            rs.getString("decision_id"),
            rs.getString("reason"));

    private final JdbcTemplate jdbc;

    /** Stored comma-joined; none is the empty string, which split would read back as one empty action. */
    private static List<String> actions(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }

    public ChangeRequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ChangeRequest r) {
        jdbc.update(
                "INSERT INTO change_request (id, tenant_id, environment, instance, operation, actions, change, "
                        + "base_config_version, status, requested_by, requested_at, expires_at, request_decision_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(),
                r.tenant(),
                r.environment(),
                r.instance(),
                r.operation().name(),
                String.join(",", r.actions()),
                Json.write(r.change()),
                r.baseConfigVersion(),
                r.status().name(),
                r.requestedBy(),
                Sql.timestamp(r.requestedAt()),
                Sql.timestamp(r.expiresAt()),
                r.requestDecisionId());
    }

    public Optional<ChangeRequest> find(String tenant, String id) {
        return jdbc.query("SELECT * FROM change_request WHERE tenant_id = ? AND id = ?", ROW, tenant, id).stream()
                .findFirst();
    }

    /** Reads the request and locks its row until the surrounding transaction ends. */
    public Optional<ChangeRequest> lock(String tenant, String id) {
        return jdbc
                .query("SELECT * FROM change_request WHERE tenant_id = ? AND id = ? FOR UPDATE", ROW, tenant, id)
                .stream()
                .findFirst();
    }

    /** A tenant's requests, newest first, optionally of one status only. */
    public List<ChangeRequest> list(String tenant, ChangeRequestStatus status, int limit) {
        if (status == null) {
            return jdbc.query(
                    "SELECT * FROM change_request WHERE tenant_id = ? ORDER BY requested_at DESC, id LIMIT ?",
                    ROW,
                    tenant,
                    limit);
        }
        return jdbc.query(
                "SELECT * FROM change_request WHERE tenant_id = ? AND status = ? "
                        + "ORDER BY requested_at DESC, id LIMIT ?",
                ROW,
                tenant,
                status.name(),
                limit);
    }

    /** Moves a pending request to a final status; false when it was no longer pending. */
    public boolean close(
            String tenant,
            String id,
            ChangeRequestStatus status,
            String decidedBy,
            Instant decidedAt,
            String decisionId,
            String reason) {
        return jdbc.update(
                        "UPDATE change_request SET status = ?, decided_by = ?, decided_at = ?, decision_id = ?, "
                                + "reason = ? WHERE tenant_id = ? AND id = ? AND status = ?",
                        status.name(),
                        decidedBy,
                        Sql.timestamp(decidedAt),
                        decisionId,
                        reason,
                        tenant,
                        id,
                        ChangeRequestStatus.PENDING.name())
                == 1;
    }
}
