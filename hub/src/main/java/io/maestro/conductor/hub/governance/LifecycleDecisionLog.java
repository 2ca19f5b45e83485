package io.maestro.conductor.hub.governance;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.policy.pdp.Decision;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.store.Sql;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The newest lifecycle decisions, in SQL (table {@code lifecycle_decision}, registry migration V80) as a bounded
 * ring: each insert drops what fell out of the newest {@code size}. The decision log proper is a log line per
 * decision; this ring is what a proposed policy bundle is replayed against. Inputs are attributes only.
 */
public class LifecycleDecisionLog {

    /** One decision as it was taken. */
    public record Recorded(
            long id,
            String decisionId,
            JsonNode input,
            boolean allowed,
            String code,
            List<String> reasons,
            Instant decidedAt) {}

    private static final String REASON_SEPARATOR = "\n";
    private static final int MAX_REASONS_CHARS = 4000;

    private static final RowMapper<Recorded> ROW = (rs, n) -> new Recorded(
            rs.getLong("id"),
            rs.getString("decision_id"),
            Json.parse(rs.getString("input")),
            rs.getBoolean("allowed"),
            rs.getString("code"),
            reasons(rs.getString("reasons")),
            Sql.instant(rs, "decided_at"));

    private final JdbcTemplate jdbc;
    private final int size;
    private final Clock clock;

    public LifecycleDecisionLog(DataSource dataSource, int size, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.size = size;
        this.clock = clock;
    }

    public void record(
            String tenant, String environment, String action, String actor, JsonNode input, Decision decision) {
        String reasons = String.join(REASON_SEPARATOR, decision.reasons());
        String stored = reasons.length() > MAX_REASONS_CHARS ? reasons.substring(0, MAX_REASONS_CHARS) : reasons;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO lifecycle_decision (decision_id, "
                                    + "tenant_id, environment, action, actor, input, allowed, code, reasons, decided_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    insert.setString(1, decision.decisionId());
                    insert.setString(2, tenant);
                    insert.setString(3, environment);
                    insert.setString(4, action);
                    insert.setString(5, actor);
                    insert.setString(6, Json.write(input));
                    insert.setBoolean(7, decision.allowed());
                    insert.setString(8, decision.code().orElse(null));
                    insert.setString(9, stored);
                    insert.setObject(10, Sql.timestamp(clock.instant()));
                    return insert;
                },
                key);
        long id = key.getKeyAs(Long.class) == null ? key.getKey().longValue() : key.getKeyAs(Long.class);
        jdbc.update("DELETE FROM lifecycle_decision WHERE id <= ?", id - size);
    }

    /** The newest decisions first, at most {@code limit}. */
    public List<Recorded> recent(int limit) {
        return jdbc.query("SELECT * FROM lifecycle_decision ORDER BY id DESC LIMIT ?", ROW, Math.min(limit, size));
    }

    public int size() {
        return size;
    }

    private static List<String> reasons(String stored) {
        return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(REASON_SEPARATOR));
    }
}
