package io.maestro.conductor.hub.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.registry.ChangeRequests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The certification rows (table {@code adapter_certification}), in SQL; who approved a high-risk adapter's listing
 * comes from its governance change request ({@code listing_request}).
 */
public class CertificationStore {

    private static final String COLUMNS = "id, tenant_id, environment, adapter_name, adapter_version, category, owner,"
            + " state, risk_rating, findings, key_id, jar_sha256, manifest_sha256, evidence_instance,"
            + " evidence_prefix, evidence_sha256, evidence_receipt, submitted_by, submitted_at, reviewed_by,"
            + " reviewer_notes, updated_at, listing_request";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ChangeRequests changeRequests;

    public CertificationStore(DataSource dataSource, ObjectMapper json, ChangeRequests changeRequests) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
        this.changeRequests = changeRequests;
    }

    void insert(Certification c) {
        jdbc.update(
                "INSERT INTO adapter_certification (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(),
                c.tenant(),
                c.environment(),
                c.name(),
                c.version(),
                c.category(),
                c.owner(),
                c.state(),
                c.riskRating(),
                text(c),
                c.keyId(),
                c.jarSha256(),
                c.manifestSha256(),
                c.evidenceInstance(),
                c.evidencePrefix(),
                c.evidenceSha256(),
                c.evidenceReceipt(),
                c.submittedBy(),
                Timestamp.from(c.submittedAt()),
                c.reviewedBy(),
                c.reviewerNotes(),
                Timestamp.from(c.updatedAt()),
                c.listingRequest());
    }

    /** The row of {@code tenant}; another tenant's is not found. */
    public Optional<Certification> find(String tenant, String id) {
        return one("SELECT " + COLUMNS + " FROM adapter_certification WHERE tenant_id = ? AND id = ?", tenant, id);
    }

    public Optional<Certification> byAdapter(String name, String version) {
        return one(
                "SELECT " + COLUMNS + " FROM adapter_certification WHERE adapter_name = ? AND adapter_version = ?",
                name,
                version);
    }

    /** Whether this bundle's adapter version is certified or marketplace-ready with exactly this jar and manifest. */
    public boolean certifies(io.maestro.conductor.devkit.bundle.VerifiedBundle bundle) {
        return byAdapter(bundle.manifest().name(), bundle.manifest().version())
                .filter(c -> c.stateValue().listed())
                .filter(c -> c.jarSha256().equals(bundle.jarSha256()))
                .filter(c -> c.manifestSha256().equals(bundle.manifestSha256()))
                .isPresent();
    }

    public List<Certification> list(String tenant, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM adapter_certification WHERE tenant_id = ?"
                        + " ORDER BY submitted_at DESC, id FETCH FIRST " + limit + " ROWS ONLY",
                this::row,
                tenant);
    }

    /** Certified and marketplace-ready adapters, by name and version. */
    public List<Certification> listed() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM adapter_certification WHERE state IN (?, ?)"
                        + " ORDER BY adapter_name, adapter_version",
                this::row,
                CertificationState.CERTIFIED.id(),
                CertificationState.MARKETPLACE_READY.id());
    }

    /** Moves the row only when it is still in {@code from}: false when another change came first. */
    boolean move(String id, CertificationState from, CertificationState to, String reviewer, String notes, Instant at) {
        return jdbc.update(
                        "UPDATE adapter_certification SET state = ?, reviewed_by = ?, reviewer_notes = ?,"
                                + " updated_at = ? WHERE id = ? AND state = ?",
                        to.id(),
                        reviewer,
                        notes,
                        Timestamp.from(at),
                        id,
                        from.id())
                == 1;
    }

    /** Names the change request that asks to list it, while it is still certified: false otherwise. */
    boolean requestListing(String id, String changeRequest) {
        return jdbc.update(
                        "UPDATE adapter_certification SET listing_request = ? WHERE id = ? AND state = ?",
                        changeRequest,
                        id,
                        CertificationState.CERTIFIED.id())
                == 1;
    }

    /** Its listing request's requester while it waits; requester and approver once applied; else nobody. */
    private List<String> approvals(String tenant, String listingRequest) {
        if (listingRequest == null) {
            return List.of();
        }
        return changeRequests
                .find(tenant, listingRequest)
                .map(request -> switch (request.status()) {
                    case PENDING -> List.of(request.requestedBy());
                    case APPLIED -> List.of(request.requestedBy(), request.decidedBy());
                    case REJECTED, EXPIRED, STALE -> List.<String>of();
                })
                .orElse(List.of());
    }

    private Optional<Certification> one(String sql, Object... args) {
        return jdbc.query(sql, this::row, args).stream().findFirst();
    }

    private Certification row(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("id");
        String tenant = rs.getString("tenant_id");
        String listingRequest = rs.getString("listing_request");
        try {
            return new Certification(
                    id,
                    tenant,
                    rs.getString("environment"),
                    rs.getString("adapter_name"),
                    rs.getString("adapter_version"),
                    rs.getString("category"),
                    rs.getString("owner"),
                    rs.getString("state"),
                    rs.getString("risk_rating"),
                    AdapterReview.needsDualControl(rs.getString("risk_rating")),
                    json.readTree(rs.getString("findings")),
                    rs.getString("key_id"),
                    rs.getString("jar_sha256"),
                    rs.getString("manifest_sha256"),
                    rs.getString("evidence_sha256"),
                    rs.getString("evidence_receipt"),
                    rs.getString("submitted_by"),
                    rs.getTimestamp("submitted_at").toInstant(),
                    rs.getString("reviewed_by"),
                    rs.getString("reviewer_notes"),
                    rs.getTimestamp("updated_at").toInstant(),
                    approvals(tenant, listingRequest),
                    listingRequest,
                    rs.getString("evidence_instance"),
                    rs.getString("evidence_prefix"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("certification " + id + " has unreadable findings", e);
        }
    }

    private String text(Certification c) {
        try {
            return json.writeValueAsString(c.findings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
