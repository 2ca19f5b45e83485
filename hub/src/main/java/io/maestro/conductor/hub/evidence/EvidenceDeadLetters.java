package io.maestro.conductor.hub.evidence;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.registry.store.Sql;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The dead-letter store of the evidence-upload route ({@code evidence_dead_letter}, registry migration V51): an
 * upload that failed for good, or after its redeliveries, is kept with its whole request until a retry stores it.
 */
public class EvidenceDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger("conductor.evidence");
    private static final int MAX_DETAIL = 1000;

    private static final RowMapper<EvidenceDeadLetter> ROW = (rs, n) -> new EvidenceDeadLetter(rs.getString("id"),
            rs.getString("tenant_id"), rs.getString("environment"), rs.getString("bundle_id"), rs.getString("code"),
            rs.getString("detail"), rs.getString("status"), rs.getInt("retries"), Sql.instant(rs, "failed_at"),
            rs.getObject("resolved_at") == null ? null : Sql.instant(rs, "resolved_at"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EvidenceDeadLetters(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /**
     * The route's dead-letter step: keeps the failed bundle (or updates the dead letter being retried) and answers
     * with an {@link EvidenceFailure} naming it.
     */
    public EvidenceFailure store(Exchange exchange) {
        EvidenceBundle bundle = exchange.getProperty(EvidenceExchange.BUNDLE, EvidenceBundle.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String code = cause instanceof AdapterException adapter ? adapter.code().name() : "EVIDENCE_FAILED";
        boolean transientFailure = cause instanceof AdapterException adapter && adapter.isTransient();
        String detail = detail(cause);
        String retried = exchange.getProperty(EvidenceExchange.DEAD_LETTER_ID, String.class);
        String id = retried != null ? retried : UUID.randomUUID().toString();
        if (retried != null) {
            jdbc.update("UPDATE evidence_dead_letter SET code = ?, detail = ?, failed_at = ? WHERE id = ?",
                    code, detail, Sql.timestamp(clock.instant()), id);
        } else {
            jdbc.update("INSERT INTO evidence_dead_letter (id, tenant_id, environment, bundle_id, code, detail, request, "
                            + "status, retries, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", id, bundle.tenant(),
                    bundle.environment(), bundle.bundleId(), code, detail, bundle.request(), EvidenceDeadLetter.FAILED,
                    Sql.timestamp(clock.instant()));
        }
        LOG.atWarn().addKeyValue("event", "evidence_dead_lettered").addKeyValue("tenant", bundle.tenant())
                .addKeyValue("bundle_id", bundle.bundleId()).addKeyValue("failed_id", id).addKeyValue("code", code)
                .log("event=evidence_dead_lettered tenant={} environment={} bundle_id={} failed_id={} code={}",
                        bundle.tenant(), bundle.environment(), bundle.bundleId(), id, code);
        return new EvidenceFailure(transientFailure ? 503 : 502, code, detail, bundle.bundleId(), id, null, List.of(),
                Map.of());
    }

    /** A tenant's uploads still failed, newest first. */
    public List<EvidenceDeadLetter> failed(String tenant, int limit) {
        return jdbc.query("SELECT * FROM evidence_dead_letter WHERE tenant_id = ? AND status = ? "
                + "ORDER BY failed_at DESC LIMIT ?", ROW, tenant, EvidenceDeadLetter.FAILED, limit);
    }

    public Optional<EvidenceDeadLetter> find(String tenant, String id) {
        return jdbc.query("SELECT * FROM evidence_dead_letter WHERE tenant_id = ? AND id = ?", ROW, tenant, id)
                .stream().findFirst();
    }

    /** The request as it was received, for a retry. */
    public String request(String id) {
        return jdbc.queryForObject("SELECT request FROM evidence_dead_letter WHERE id = ?", String.class, id);
    }

    public void countRetry(String id) {
        jdbc.update("UPDATE evidence_dead_letter SET retries = retries + 1 WHERE id = ?", id);
    }

    public void resolve(String id) {
        jdbc.update("UPDATE evidence_dead_letter SET status = ?, resolved_at = ? WHERE id = ?",
                EvidenceDeadLetter.RESOLVED, Sql.timestamp(clock.instant()), id);
    }

    private static String detail(Exception cause) {
        String text = cause == null ? "unknown failure"
                : cause instanceof AdapterException ? cause.getMessage() : cause.getClass().getSimpleName();
        text = Masking.maskText(text);
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
    }
}
