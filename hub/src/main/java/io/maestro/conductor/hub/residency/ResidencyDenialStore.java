package io.maestro.conductor.hub.residency;

import io.maestro.conductor.registry.store.Sql;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The audit list of residency denials in SQL (table {@code residency_denial}, registry migration V50). */
public class ResidencyDenialStore {

    /** Reasons are stored as one text column; policy reasons are single lines, so a newline separates them. */
    private static final String REASON_SEPARATOR = "\n";

    private static final int MAX_REASONS_CHARS = 4000;

    private static final RowMapper<ResidencyDenial> ROW = (rs, n) -> new ResidencyDenial(
            rs.getLong("id"),
            rs.getString("tenant_id"),
            rs.getString("environment"),
            rs.getString("instance"),
            rs.getString("action"),
            rs.getString("actor"),
            rs.getString("data_region"),
            rs.getString("instance_region"),
            rs.getString("classification"),
            rs.getString("policy"),
            rs.getString("decision_id"),
            rs.getString("code"),
            Arrays.asList(rs.getString("reasons").split(REASON_SEPARATOR)),
            Sql.instant(rs, "denied_at"));

    private final JdbcTemplate jdbc;

    public ResidencyDenialStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Stores a denial; its {@code id} is ignored (the table numbers rows). */
    public void add(ResidencyDenial denial) {
        String reasons = String.join(REASON_SEPARATOR, denial.reasons());
        if (reasons.length() > MAX_REASONS_CHARS) {
            reasons = reasons.substring(0, MAX_REASONS_CHARS);
        }
        jdbc.update(
                "INSERT INTO residency_denial (tenant_id, environment, instance, action, actor, data_region, "
                        + "instance_region, classification, policy, decision_id, code, reasons, denied_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                denial.tenant(),
                denial.environment(),
                denial.instance(),
                denial.action(),
                denial.actor(),
                denial.dataRegion(),
                denial.instanceRegion(),
                denial.classification(),
                denial.policy(),
                denial.decisionId(),
                denial.code(),
                reasons,
                Sql.timestamp(denial.deniedAt()));
    }

    /** A tenant's denials, newest first, at most {@code limit}. */
    public List<ResidencyDenial> list(String tenant, int limit) {
        return jdbc.query(
                "SELECT * FROM residency_denial WHERE tenant_id = ? ORDER BY id DESC LIMIT ?", ROW, tenant, limit);
    }
}
