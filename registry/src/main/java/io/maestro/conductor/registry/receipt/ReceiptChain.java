package io.maestro.conductor.registry.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.store.Sql;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends receipts. Call {@link #lock} first inside the transaction that makes the change: it locks the
 * tenant row, so one tenant's changes and receipts are serialised and the chain never forks.
 */
public final class ReceiptChain {

    /** The tenant's newest receipt at the time of locking. */
    public record Head(String tenant, long seq, String hash) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ReceiptChain(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Locks the tenant's chain head until the surrounding transaction ends. */
    public Head lock(String tenant) {
        return jdbc.queryForObject(
                "SELECT receipt_head_seq, receipt_head_hash FROM tenant WHERE id = ? FOR UPDATE",
                (rs, n) -> new Head(
                        tenant, rs.getLong(1), rs.getString(2) == null ? ReceiptHasher.GENESIS : rs.getString(2)),
                tenant);
    }

    public Receipt append(
            Head head, String environment, String actor, ReceiptAction action, String instance, JsonNode changeSet) {
        Receipt unsigned = new Receipt(
                UUID.randomUUID().toString(),
                head.tenant(),
                head.seq() + 1,
                environment,
                actor,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                action,
                instance,
                changeSet,
                head.hash(),
                null);
        String hash = ReceiptHasher.hash(unsigned);
        jdbc.update(
                "INSERT INTO receipt (id, tenant_id, seq, environment, actor, occurred_at, action, instance, "
                        + "change_set, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                unsigned.id(),
                unsigned.tenant(),
                unsigned.seq(),
                environment,
                actor,
                Sql.timestamp(unsigned.timestamp()),
                action.name(),
                instance,
                Json.write(changeSet),
                unsigned.prevHash(),
                hash);
        jdbc.update(
                "UPDATE tenant SET receipt_head_seq = ?, receipt_head_hash = ? WHERE id = ?",
                unsigned.seq(),
                hash,
                head.tenant());
        return new Receipt(
                unsigned.id(),
                unsigned.tenant(),
                unsigned.seq(),
                environment,
                actor,
                unsigned.timestamp(),
                action,
                instance,
                changeSet,
                unsigned.prevHash(),
                hash);
    }
}
