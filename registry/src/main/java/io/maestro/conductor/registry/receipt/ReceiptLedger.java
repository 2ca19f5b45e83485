package io.maestro.conductor.registry.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.receipt.ChainVerification.BadReceipt;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and verifies tenants' receipt chains straight from SQL (never from a cache, so a tampered
 * row is seen). Needs only a {@link DataSource}, so the offline CLI uses it too.
 */
public final class ReceiptLedger {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptLedger.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** For reading and verifying (the offline CLI); appended receipts are stamped with the system clock. */
    public ReceiptLedger(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public ReceiptLedger(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /**
     * Appends a receipt for something other than an instance lifecycle change (e.g. stored evidence) to the
     * tenant's chain, under the same lock as lifecycle receipts. Runs in the caller's transaction when one is open
     * on this data source, so the caller can record the receipt id atomically with its own rows.
     *
     * @param instance  the adapter instance the action went through
     * @param changeSet what happened, as JSON; never secret values
     */
    public Receipt append(
            String tenant,
            String environment,
            String actor,
            ReceiptAction action,
            String instance,
            JsonNode changeSet) {
        return tx.execute(status -> {
            ReceiptChain chain = new ReceiptChain(jdbc, clock);
            return chain.append(chain.lock(tenant), environment, actor, action, instance, changeSet);
        });
    }

    /** Receipts with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
    public List<Receipt> list(String tenant, long afterSeq, int limit) {
        return page(tenant, afterSeq, limit, "ASC");
    }

    /** Receipts with {@code seq > afterSeq}, newest first, at most {@code limit}: a tenant's latest receipts. */
    public List<Receipt> listNewest(String tenant, long afterSeq, int limit) {
        return page(tenant, afterSeq, limit, "DESC");
    }

    private List<Receipt> page(String tenant, long afterSeq, int limit, String direction) {
        return jdbc.query(
                "SELECT * FROM receipt WHERE tenant_id = ? AND seq > ? ORDER BY seq " + direction + " LIMIT ?",
                ReceiptRows.RECEIPT,
                tenant,
                afterSeq,
                limit);
    }

    /** One receipt of the tenant's chain, read straight from SQL. */
    public Optional<Receipt> find(String tenant, String id) {
        return jdbc
                .query("SELECT * FROM receipt WHERE tenant_id = ? AND id = ?", ReceiptRows.RECEIPT, tenant, id)
                .stream()
                .findFirst();
    }

    /** Whether a receipt still matches its own hash, i.e. was not edited after it was written. */
    public static boolean intact(Receipt receipt) {
        return ReceiptHasher.hash(receipt).equals(receipt.hash());
    }

    /**
     * The canonical JSON of a receipt (sorted keys, no whitespace, every field but the hash): its {@code hash} is
     * this content's SHA-256, and it is what the notary signs and timestamps.
     */
    public static byte[] canonical(Receipt receipt) {
        return ReceiptHasher.canonical(receipt);
    }

    public List<Receipt> list(String tenant) {
        return jdbc.query("SELECT * FROM receipt WHERE tenant_id = ? ORDER BY seq", ReceiptRows.RECEIPT, tenant);
    }

    /**
     * Walks the chain in {@code seq} order: a missing number is a deletion, a {@code prevHash} that does not
     * name the previous receipt is a reordering, a hash that does not match the content is an edit, and a
     * chain that ends before the head recorded on the tenant lost its newest receipts.
     */
    public ChainVerification verify(String tenant) {
        Walk walk = new Walk();
        jdbc.query(
                "SELECT * FROM receipt WHERE tenant_id = ? ORDER BY seq",
                (RowCallbackHandler) rs -> {
                    if (walk.bad == null) {
                        walk.check(ReceiptRows.RECEIPT.mapRow(rs, 0));
                    }
                },
                tenant);
        if (walk.bad == null) {
            Optional<ReceiptChain.Head> head = jdbc
                    .query(
                            "SELECT receipt_head_seq, receipt_head_hash FROM tenant WHERE id = ?",
                            (rs, n) -> new ReceiptChain.Head(tenant, rs.getLong(1), rs.getString(2)),
                            tenant)
                    .stream()
                    .findFirst();
            long headSeq = head.map(ReceiptChain.Head::seq).orElse(0L);
            String headHash = head.map(ReceiptChain.Head::hash).orElse(null);
            boolean matches = headSeq == walk.lastSeq && (headSeq == 0 || walk.lastHash.equals(headHash));
            if (!matches) {
                walk.bad = new BadReceipt(
                        walk.lastSeq + 1,
                        null,
                        "HEAD_MISMATCH: the tenant's chain head is receipt " + headSeq + " but the chain ends at "
                                + walk.lastSeq + " (newest receipts deleted or replaced)");
            }
        }
        ChainVerification result = new ChainVerification(tenant, walk.bad == null, walk.checked, walk.bad);
        if (!result.valid()) {
            LOG.warn(
                    "receipt chain invalid tenant={} seq={} id={} reason={}",
                    tenant,
                    walk.bad.seq(),
                    walk.bad.id(),
                    walk.bad.reason());
        }
        return result;
    }

    private static final class Walk {
        long checked;
        long lastSeq;
        String lastHash = ReceiptHasher.GENESIS;
        BadReceipt bad;

        void check(Receipt r) {
            checked++;
            long expected = lastSeq + 1;
            if (r.seq() != expected) {
                bad = new BadReceipt(
                        expected,
                        null,
                        "SEQUENCE_GAP: receipt " + expected + " is missing; the next one present is " + r.seq() + " ("
                                + r.id() + ")");
            } else if (!r.prevHash().equals(lastHash)) {
                bad = new BadReceipt(
                        r.seq(),
                        r.id(),
                        "PREV_HASH_MISMATCH: receipt " + r.seq() + " does not follow receipt " + lastSeq
                                + " (reordered, or a predecessor was removed)");
            } else if (!ReceiptHasher.hash(r).equals(r.hash())) {
                bad = new BadReceipt(
                        r.seq(),
                        r.id(),
                        "HASH_MISMATCH: receipt " + r.seq() + " does not match its hash (edited after it was written)");
            } else {
                lastSeq = r.seq();
                lastHash = r.hash();
            }
        }
    }
}
