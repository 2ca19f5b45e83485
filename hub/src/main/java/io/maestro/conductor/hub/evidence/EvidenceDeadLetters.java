package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.Masking;
import io.maestro.conductor.registry.store.Sql;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter store of the evidence-upload route ({@code evidence_dead_letter}, registry migrations V51, V53): an
 * upload that failed for good, after its redeliveries, or was cut short by a stop of the hub, is kept (its
 * description here, its files in the staging folder) until a retry stores it. Writing a dead letter releases the
 * upload's claim on the bundle in the same transaction.
 */
public class EvidenceDeadLetters {

    /** The code of an upload that was still running when the hub stopped. */
    public static final String INTERRUPTED = "EVIDENCE_INTERRUPTED";

    private static final Logger LOG = LoggerFactory.getLogger("conductor.evidence");
    private static final int MAX_DETAIL = 1000;

    private static final RowMapper<EvidenceDeadLetter> ROW = (rs, n) -> new EvidenceDeadLetter(
            rs.getString("id"),
            rs.getString("tenant_id"),
            rs.getString("environment"),
            rs.getString("bundle_id"),
            rs.getString("code"),
            rs.getString("detail"),
            rs.getString("status"),
            rs.getInt("retries"),
            Sql.instant(rs, "failed_at"),
            rs.getObject("resolved_at") == null ? null : Sql.instant(rs, "resolved_at"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EvidenceClaims claims;
    private final ObjectMapper json;
    private final Clock clock;

    public EvidenceDeadLetters(DataSource dataSource, EvidenceClaims claims, ObjectMapper json, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.claims = claims;
        this.json = json;
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
        String description = bundle.description(json).toString();
        tx.executeWithoutResult(status -> {
            if (retried != null) {
                jdbc.update(
                        "UPDATE evidence_dead_letter SET code = ?, detail = ?, failed_at = ?, request = ?, "
                                + "upload_id = ? WHERE id = ?",
                        code,
                        detail,
                        Sql.timestamp(clock.instant()),
                        description,
                        bundle.uploadId(),
                        id);
            } else {
                insert(
                        id,
                        bundle.tenant(),
                        bundle.environment(),
                        bundle.bundleId(),
                        code,
                        detail,
                        description,
                        bundle.uploadId());
            }
            claims.release(bundle);
        });
        logDeadLettered(bundle.tenant(), bundle.environment(), bundle.bundleId(), id, code);
        return new EvidenceFailure(
                transientFailure ? 503 : 502, code, detail, bundle.bundleId(), id, null, List.of(), Map.of());
    }

    /** Turns the claim of an upload the hub stopped in the middle of into a dead letter, in one transaction. */
    public String interrupted(EvidenceClaims.Row claim) {
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(status -> {
            insert(
                    id,
                    claim.tenant(),
                    claim.environment(),
                    claim.bundleId(),
                    INTERRUPTED,
                    "the hub stopped before this upload finished (started " + claim.startedAt() + "); some of its "
                            + "objects may be written, none is receipted; retry to store the bundle",
                    claim.description(),
                    claim.uploadId());
            jdbc.update(
                    "DELETE FROM evidence_bundle WHERE tenant_id = ? AND environment = ? AND bundle_id = ? "
                            + "AND status = ? AND upload_id = ?",
                    claim.tenant(),
                    claim.environment(),
                    claim.bundleId(),
                    EvidenceClaims.IN_PROGRESS,
                    claim.uploadId());
        });
        logDeadLettered(claim.tenant(), claim.environment(), claim.bundleId(), id, INTERRUPTED);
        return id;
    }

    /** A tenant's uploads still failed, newest first. */
    public List<EvidenceDeadLetter> failed(String tenant, int limit) {
        return jdbc.query(
                "SELECT * FROM evidence_dead_letter WHERE tenant_id = ? AND status = ? "
                        + "ORDER BY failed_at DESC LIMIT ?",
                ROW,
                tenant,
                EvidenceDeadLetter.FAILED,
                limit);
    }

    /** What a tenant's failed upload keeps for a retry; empty when the tenant has no failed upload {@code id}. */
    public Optional<Kept> retryable(String tenant, String id) {
        return jdbc
                .query(
                        "SELECT environment, request, upload_id FROM evidence_dead_letter "
                                + "WHERE tenant_id = ? AND id = ? AND status = ?",
                        (rs, n) -> new Kept(
                                rs.getString("environment"), rs.getString("request"), rs.getString("upload_id")),
                        tenant,
                        id,
                        EvidenceDeadLetter.FAILED)
                .stream()
                .findFirst();
    }

    /** The staging folders that failed uploads still need for a retry. */
    public List<String> stagedUploads() {
        return jdbc.queryForList(
                "SELECT upload_id FROM evidence_dead_letter WHERE status = ? AND upload_id IS NOT NULL",
                String.class,
                EvidenceDeadLetter.FAILED);
    }

    public void countRetry(String id) {
        jdbc.update("UPDATE evidence_dead_letter SET retries = retries + 1 WHERE id = ?", id);
    }

    public void resolve(String id) {
        jdbc.update(
                "UPDATE evidence_dead_letter SET status = ?, resolved_at = ? WHERE id = ?",
                EvidenceDeadLetter.RESOLVED,
                Sql.timestamp(clock.instant()),
                id);
    }

    private void insert(
            String id,
            String tenant,
            String environment,
            String bundleId,
            String code,
            String detail,
            String request,
            String uploadId) {
        jdbc.update(
                "INSERT INTO evidence_dead_letter (id, tenant_id, environment, bundle_id, code, detail, request, "
                        + "upload_id, status, retries, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                id,
                tenant,
                environment,
                bundleId,
                code,
                detail,
                request,
                uploadId,
                EvidenceDeadLetter.FAILED,
                Sql.timestamp(clock.instant()));
    }

    private static void logDeadLettered(String tenant, String environment, String bundleId, String id, String code) {
        LOG.atWarn()
                .addKeyValue("event", "evidence_dead_lettered")
                .addKeyValue("tenant", tenant)
                .addKeyValue("bundle_id", bundleId)
                .addKeyValue("failed_id", id)
                .addKeyValue("code", code)
                .log(
                        "event=evidence_dead_lettered tenant={} environment={} bundle_id={} failed_id={} code={}",
                        tenant,
                        environment,
                        bundleId,
                        id,
                        code);
    }

    private static String detail(Exception cause) {
        String text = cause == null
                ? "unknown failure"
                : cause instanceof AdapterException
                        ? cause.getMessage()
                        : cause.getClass().getSimpleName();
        text = Masking.maskText(text);
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
    }

    /**
     * @param environment the environment the upload was sent to
     * @param request  the bundle's description; for dead letters of an older hub ({@code uploadId} null) the whole
     *                 JSON request with its files
     * @param uploadId the staging folder holding the files
     */
    public record Kept(String environment, String request, String uploadId) {}
}
