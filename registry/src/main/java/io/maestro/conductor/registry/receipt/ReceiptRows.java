package io.maestro.conductor.registry.receipt;

import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.store.Sql;
import org.springframework.jdbc.core.RowMapper;

/** How a receipt row reads back. */
final class ReceiptRows {

    static final RowMapper<Receipt> RECEIPT = (rs, n) -> new Receipt(
            rs.getString("id"),
            rs.getString("tenant_id"),
            rs.getLong("seq"),
            rs.getString("environment"),
            rs.getString("actor"),
            Sql.instant(rs, "occurred_at"),
            ReceiptAction.valueOf(rs.getString("action")),
            rs.getString("instance"),
            Json.parse(rs.getString("change_set")),
            rs.getString("prev_hash"),
            rs.getString("hash"));

    private ReceiptRows() {}
}
