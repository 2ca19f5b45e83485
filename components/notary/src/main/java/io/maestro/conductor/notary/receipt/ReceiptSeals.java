package io.maestro.conductor.notary.receipt;

import io.maestro.conductor.notary.Seal;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.registry.store.Sql;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The seals of provenance receipts (table {@code receipt_seal}), beside the receipts: written once, read straight
 * from SQL by the sealer, the offline CLI and the export. A receipt is sealed at most once; a second seal of the same
 * receipt (two hubs racing) is dropped.
 */
public final class ReceiptSeals {

    private static final RowMapper<Seal> SEAL = (rs, n) -> new Seal(
            rs.getString("key_id"),
            rs.getString("signature"),
            rs.getString("public_jwk"),
            Base64.getDecoder().decode(rs.getString("timestamp_token")),
            Sql.instant(rs, "timestamped_at"));

    private final JdbcTemplate jdbc;
    private final ReceiptLedger ledger;

    public ReceiptSeals(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ledger = new ReceiptLedger(dataSource);
    }

    /** Records {@code seal} for {@code receipt}; false when the receipt was sealed already. */
    public boolean save(Receipt receipt, Seal seal, String sealedBy) {
        try {
            jdbc.update(
                    "INSERT INTO receipt_seal (receipt_id, tenant_id, seq, key_id, signature, public_jwk, "
                            + "timestamp_token, timestamped_at, sealed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    receipt.id(),
                    receipt.tenant(),
                    receipt.seq(),
                    seal.keyId(),
                    seal.signature(),
                    seal.publicJwk(),
                    Base64.getEncoder().encodeToString(seal.timestampToken()),
                    Sql.timestamp(seal.timestampedAt()),
                    sealedBy);
            return true;
        } catch (DuplicateKeyException sealedAlready) {
            return false;
        }
    }

    public Optional<Seal> find(String tenant, String receiptId) {
        return jdbc
                .query("SELECT * FROM receipt_seal WHERE tenant_id = ? AND receipt_id = ?", SEAL, tenant, receiptId)
                .stream()
                .findFirst();
    }

    /**
     * Whether a receipt of the tenant newer than {@code seq} is sealed. Receipts are sealed oldest first and a round
     * stops at its first failure, so an unsealed receipt with a sealed successor lost its seal.
     */
    public boolean sealedAfter(String tenant, long seq) {
        Integer found = jdbc.query(
                "SELECT 1 FROM receipt_seal WHERE tenant_id = ? AND seq > ? LIMIT 1",
                rs -> rs.next() ? 1 : null,
                tenant,
                seq);
        return found != null;
    }

    /** Every seal of the tenant by receipt id. */
    public Map<String, Seal> all(String tenant) {
        return jdbc
                .query(
                        "SELECT * FROM receipt_seal WHERE tenant_id = ?",
                        (rs, n) -> Map.entry(rs.getString("receipt_id"), SEAL.mapRow(rs, n)),
                        tenant)
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Seals up to {@code limit} of the tenant's unsealed receipts, oldest first, each over its canonical JSON with
     * {@code notary} (e.g. a {@code notary:seal} call); stops at the first failure, which the caller sees (the rest
     * wait for the next round). Returns how many this call sealed.
     */
    public int sealPending(String tenant, Function<byte[], Seal> notary, String sealedBy, int limit) {
        int sealed = 0;
        for (Receipt receipt : unsealed(tenant, limit)) {
            if (save(receipt, notary.apply(ReceiptLedger.canonical(receipt)), sealedBy)) {
                sealed++;
            }
        }
        return sealed;
    }

    /** Up to {@code limit} of the tenant's receipts that have no seal yet, oldest first. */
    public List<Receipt> unsealed(String tenant, int limit) {
        return jdbc
                .queryForList(
                        "SELECT r.id FROM receipt r WHERE r.tenant_id = ? AND NOT EXISTS "
                                + "(SELECT 1 FROM receipt_seal s WHERE s.receipt_id = r.id) ORDER BY r.seq LIMIT ?",
                        String.class,
                        tenant,
                        limit)
                .stream()
                .flatMap(id -> ledger.find(tenant, id).stream())
                .toList();
    }
}
