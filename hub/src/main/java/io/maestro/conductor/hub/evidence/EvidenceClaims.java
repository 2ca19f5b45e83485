package io.maestro.conductor.hub.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.registry.store.Sql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The write-once record of evidence bundles ({@code evidence_bundle}, registry migration V53), one row per tenant,
 * environment and bundle id. An upload claims its row ({@code IN_PROGRESS}) before it writes any object; the
 * receipt's transaction turns it {@code STORED}; a deny or a dead letter releases it. While a row exists no other
 * upload may write the bundle's objects, so stored evidence is never overwritten through the hub.
 */
public class EvidenceClaims {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String STORED = "STORED";

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getString("tenant_id"),
            rs.getString("environment"),
            rs.getString("bundle_id"),
            rs.getString("status"),
            rs.getString("upload_id"),
            rs.getString("manifest_sha256"),
            rs.getString("description"),
            rs.getString("instance"),
            rs.getString("receipt_id"),
            rs.getString("reply"),
            Sql.instant(rs, "started_at"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    public EvidenceClaims(DataSource dataSource, Clock clock, ObjectMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.json = json;
    }

    /**
     * Claims the bundle for this upload.
     *
     * @return empty when claimed; the reply given when the bundle was stored if this is an identical replay
     * @throws EvidenceExistsException when the bundle is stored with other content, or another upload holds it
     */
    public Optional<EvidenceStored> claim(EvidenceBundle bundle, String manifestSha256) {
        try {
            jdbc.update(
                    "INSERT INTO evidence_bundle (tenant_id, environment, bundle_id, status, upload_id, "
                            + "manifest_sha256, description, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    bundle.tenant(),
                    bundle.environment(),
                    bundle.bundleId(),
                    IN_PROGRESS,
                    bundle.uploadId(),
                    manifestSha256,
                    write(bundle.description(json)),
                    Sql.timestamp(clock.instant()));
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            Row row = find(bundle.tenant(), bundle.environment(), bundle.bundleId())
                    .orElse(null);
            if (row == null || IN_PROGRESS.equals(row.status())) {
                throw new EvidenceExistsException(
                        EvidenceExistsException.IN_PROGRESS,
                        "an upload of bundle '" + bundle.bundleId() + "' in environment '" + bundle.environment()
                                + "' is in progress");
            }
            if (!row.manifestSha256().equals(manifestSha256)) {
                throw new EvidenceExistsException(
                        EvidenceExistsException.EXISTS,
                        "bundle '" + bundle.bundleId()
                                + "' is already stored in environment '" + bundle.environment()
                                + "' with other content "
                                + "(receipt " + row.receiptId()
                                + "); evidence is write-once, send it under a new bundleId");
            }
            return Optional.of(reply(row));
        }
    }

    /** Gives up this upload's claim (nothing is stored under it any more); a no-op when it holds none. */
    public void release(EvidenceBundle bundle) {
        jdbc.update(
                "DELETE FROM evidence_bundle WHERE tenant_id = ? AND environment = ? AND bundle_id = ? "
                        + "AND status = ? AND upload_id = ?",
                bundle.tenant(),
                bundle.environment(),
                bundle.bundleId(),
                IN_PROGRESS,
                bundle.uploadId());
    }

    /** Marks the claim stored; runs in the receipt's transaction. */
    public void complete(EvidenceBundle bundle, String instance, EvidenceStored reply, Instant storedAt) {
        int updated = jdbc.update(
                "UPDATE evidence_bundle SET status = ?, instance = ?, receipt_id = ?, reply = ?, "
                        + "stored_at = ? WHERE tenant_id = ? AND environment = ? AND bundle_id = ? AND status = ? "
                        + "AND upload_id = ?",
                STORED,
                instance,
                reply.receiptId(),
                write(reply),
                Sql.timestamp(storedAt),
                bundle.tenant(),
                bundle.environment(),
                bundle.bundleId(),
                IN_PROGRESS,
                bundle.uploadId());
        if (updated != 1) {
            throw new IllegalStateException(
                    "upload " + bundle.uploadId() + " no longer holds bundle " + bundle.bundleId());
        }
    }

    public Optional<Row> find(String tenant, String environment, String bundleId) {
        return jdbc
                .query(
                        "SELECT * FROM evidence_bundle WHERE tenant_id = ? AND environment = ? AND bundle_id = ?",
                        ROW,
                        tenant,
                        environment,
                        bundleId)
                .stream()
                .findFirst();
    }

    /** Claims no upload finished or gave up: what a hub that stopped in the middle of uploads leaves behind. */
    public List<Row> inProgress() {
        return jdbc.query("SELECT * FROM evidence_bundle WHERE status = ? ORDER BY started_at", ROW, IN_PROGRESS);
    }

    private EvidenceStored reply(Row row) {
        if (row.reply() == null) {
            // Stored before V53, when the reply was not kept: the receipt still names every object.
            return new EvidenceStored(
                    row.bundleId(),
                    row.tenant(),
                    row.environment(),
                    row.instance(),
                    null,
                    row.receiptId(),
                    null,
                    List.of(),
                    null);
        }
        try {
            return json.readValue(row.reply(), EvidenceStored.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence records always serialise", e);
        }
    }

    /** One {@code evidence_bundle} row. */
    public record Row(
            String tenant,
            String environment,
            String bundleId,
            String status,
            String uploadId,
            String manifestSha256,
            String description,
            String instance,
            String receiptId,
            String reply,
            Instant startedAt) {}
}
