package io.maestro.conductor.payments.billing;

import io.maestro.conductor.payments.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/** The period ledger in SQL (table {@code billing_ledger}): every step of a sync is written before the next starts. */
public final class BillingLedger {

    private static final String COLUMNS =
            "tenant_id, period, state, usage_total, invoice_id, last_error, attempts, last_sync_at";

    private final DataSource dataSource;

    public BillingLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<LedgerEntry> find(String tenant, BillingPeriod period) {
        return query(
                "SELECT " + COLUMNS + " FROM billing_ledger WHERE tenant_id = ? AND period = ?",
                tenant,
                period.toString());
    }

    /** Every tenant's entry of the period, by tenant: what a run over many tenants reads once instead of each. */
    public Map<String, LedgerEntry> entries(BillingPeriod period) {
        Map<String, LedgerEntry> entries = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = Jdbc.prepare(
                        connection, "SELECT " + COLUMNS + " FROM billing_ledger WHERE period = ?", period.toString());
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                LedgerEntry entry = entry(rows);
                entries.put(entry.tenant(), entry);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("billing ledger read failed: " + e.getSQLState(), e);
        }
        return entries;
    }

    /** The tenant's most recently synced period, for the billing status. */
    public Optional<LedgerEntry> latest(String tenant) {
        return query(
                "SELECT " + COLUMNS + " FROM billing_ledger WHERE tenant_id = ? ORDER BY last_sync_at DESC, "
                        + "period DESC FETCH FIRST 1 ROWS ONLY",
                tenant);
    }

    /** Counts one more attempt at the period, creating its entry (STARTED) the first time. */
    public LedgerEntry begin(String tenant, BillingPeriod period, Instant now) {
        if (countAttempt(tenant, period, now) == 0 && !insertStarted(tenant, period, now)) {
            // Another node inserted it first; count this attempt on its row.
            countAttempt(tenant, period, now);
        }
        return find(tenant, period).orElseThrow();
    }

    /**
     * {@link #begin(String, BillingPeriod, Instant)} for a caller that has read the entry already ({@code before},
     * empty when there was none): one statement instead of three.
     */
    public LedgerEntry begin(String tenant, BillingPeriod period, Optional<LedgerEntry> before, Instant now) {
        if (before.isEmpty()) {
            return insertStarted(tenant, period, now)
                    ? LedgerEntry.started(tenant, period, now)
                    : begin(tenant, period, now);
        }
        if (countAttempt(tenant, period, now) == 0) {
            return begin(tenant, period, now);
        }
        return before.get().attempted(now);
    }

    /**
     * {@link #begin(String, BillingPeriod, Optional, Instant)} for many tenants in one transaction of two batched
     * statements (a run over 10,000 tenants writes them in a few round trips instead of one each): a STARTED entry for
     * each tenant of {@code tenants} that {@code before} lacks, one more attempt for each that it has. When another
     * node inserted one of the entries meanwhile (a duplicate key), the batch is rolled back and each tenant is
     * begun on its own.
     *
     * @param before the period's entries read beforehand ({@link #entries}), by tenant
     * @return each tenant's entry as begun, by tenant
     */
    public Map<String, LedgerEntry> beginAll(
            Collection<String> tenants, Map<String, LedgerEntry> before, BillingPeriod period, Instant now) {
        Map<String, LedgerEntry> begun = new HashMap<>(tenants.size() * 2);
        Timestamp at = Timestamp.from(now);
        String periodText = period.toString();
        try {
            boolean complete = inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_ledger (" + COLUMNS
                                + ") VALUES (?, ?, ?, NULL, NULL, NULL, 1, ?)");
                        PreparedStatement attempt = connection.prepareStatement(
                                "UPDATE billing_ledger SET attempts = attempts + 1, last_sync_at = ? "
                                        + "WHERE tenant_id = ? AND period = ?")) {
                    int inserts = 0;
                    int attempts = 0;
                    for (String tenant : tenants) {
                        LedgerEntry known = before.get(tenant);
                        if (known == null) {
                            Jdbc.bind(insert, tenant, periodText, LedgerEntry.State.STARTED.name(), at);
                            insert.addBatch();
                            inserts++;
                            begun.put(tenant, LedgerEntry.started(tenant, period, now));
                        } else {
                            Jdbc.bind(attempt, at, tenant, periodText);
                            attempt.addBatch();
                            attempts++;
                            begun.put(tenant, known.attempted(now));
                        }
                    }
                    return (inserts == 0 || allWritten(insert.executeBatch()))
                            && (attempts == 0 || allWritten(attempt.executeBatch()));
                }
            });
            if (complete) {
                return begun;
            }
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException sql
                    && (Jdbc.isDuplicateKey(sql)
                            || sql.getNextException() != null && Jdbc.isDuplicateKey(sql.getNextException())))) {
                throw e;
            }
        }
        // Another node began one of these entries meanwhile: each on its own, counting the attempt on its row.
        return beginEach(tenants, before, period, now);
    }

    private Map<String, LedgerEntry> beginEach(
            Collection<String> tenants, Map<String, LedgerEntry> before, BillingPeriod period, Instant now) {
        Map<String, LedgerEntry> begun = new HashMap<>(tenants.size() * 2);
        for (String tenant : tenants) {
            begun.put(tenant, begin(tenant, period, Optional.ofNullable(before.get(tenant)), now));
        }
        return begun;
    }

    /** Whether every statement of a batch changed one row (a driver may answer SUCCESS_NO_INFO instead). */
    private static boolean allWritten(int[] counts) {
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                return false;
            }
        }
        return true;
    }

    /** One tenant's sync of the period, done: the usage total Stripe holds and the invoice that bills it. */
    public record Invoiced(String tenant, long usageTotal, String invoiceId) {}

    /**
     * Marks many tenants' entries INVOICED (with their usage totals) in one transaction of one batched statement:
     * what a run writes after each group of tenants instead of two statements each. Until this is written, a restart
     * finds those entries at an earlier step and resumes them: Stripe refuses their meter events again (same
     * identifiers) and the invoice is found by its period metadata, so nothing is billed twice.
     */
    public void invoicedAll(Collection<Invoiced> done, BillingPeriod period, Instant now) {
        Timestamp at = Timestamp.from(now);
        String periodText = period.toString();
        updateAll(
                "UPDATE billing_ledger SET state = ?, usage_total = ?, invoice_id = ?, last_error = NULL, "
                        + "last_sync_at = ? WHERE tenant_id = ? AND period = ?",
                done,
                each -> new Object[] {
                    LedgerEntry.State.INVOICED.name(),
                    each.usageTotal(),
                    each.invoiceId(),
                    at,
                    each.tenant(),
                    periodText
                });
    }

    /**
     * Marks many tenants' entries USAGE_SENT with their usage totals (tenant to total) in one transaction of one batched
     * statement, once Stripe has taken their meter events; entries past that step are left as they are.
     */
    public void usageSentAll(Map<String, Long> totals, BillingPeriod period, Instant now) {
        Timestamp at = Timestamp.from(now);
        String periodText = period.toString();
        updateAll(
                "UPDATE billing_ledger SET state = ?, usage_total = ?, last_error = NULL, last_sync_at = ? "
                        + "WHERE tenant_id = ? AND period = ? AND state = ?",
                totals.entrySet(),
                each -> new Object[] {
                    LedgerEntry.State.USAGE_SENT.name(),
                    each.getValue(),
                    at,
                    each.getKey(),
                    periodText,
                    LedgerEntry.State.STARTED.name()
                });
    }

    /** One statement per row, batched, in one transaction. */
    private <T> void updateAll(String sql, Collection<T> rows, Function<T, Object[]> arguments) {
        if (rows.isEmpty()) {
            return;
        }
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    Jdbc.bind(update, arguments.apply(row));
                    update.addBatch();
                }
                update.executeBatch();
                return true;
            }
        });
    }

    @FunctionalInterface
    private interface TransactionWork {
        /** @return whether to commit (false rolls back) */
        boolean run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed when it answers true, rolled back when it answers false or
     * throws.
     *
     * @return what {@code work} answered
     * @throws IllegalStateException naming the SQL state only, the {@link SQLException} as its cause
     */
    private boolean inTransaction(TransactionWork work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                boolean commit = work.run(connection);
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return commit;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("billing ledger write failed: " + e.getSQLState(), e);
        }
    }

    private int countAttempt(String tenant, BillingPeriod period, Instant now) {
        return update(
                "UPDATE billing_ledger SET attempts = attempts + 1, last_sync_at = ? WHERE tenant_id = ? AND period = ?",
                Timestamp.from(now),
                tenant,
                period.toString());
    }

    /** False when the entry exists already (another node began it meanwhile). */
    private boolean insertStarted(String tenant, BillingPeriod period, Instant now) {
        try {
            update(
                    "INSERT INTO billing_ledger (" + COLUMNS + ") VALUES (?, ?, ?, NULL, NULL, NULL, 1, ?)",
                    tenant,
                    period.toString(),
                    LedgerEntry.State.STARTED.name(),
                    Timestamp.from(now));
            return true;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isDuplicateKey(sql)) {
                return false;
            }
            throw e;
        }
    }

    public void usageSent(String tenant, BillingPeriod period, long total, Instant now) {
        update(
                "UPDATE billing_ledger SET state = ?, usage_total = ?, last_error = NULL, last_sync_at = ? "
                        + "WHERE tenant_id = ? AND period = ? AND state = ?",
                LedgerEntry.State.USAGE_SENT.name(),
                total,
                Timestamp.from(now),
                tenant,
                period.toString(),
                LedgerEntry.State.STARTED.name());
    }

    public void invoiced(String tenant, BillingPeriod period, String invoiceId, Instant now) {
        update(
                "UPDATE billing_ledger SET state = ?, invoice_id = ?, last_error = NULL, last_sync_at = ? "
                        + "WHERE tenant_id = ? AND period = ?",
                LedgerEntry.State.INVOICED.name(),
                invoiceId,
                Timestamp.from(now),
                tenant,
                period.toString());
    }

    public void failed(String tenant, BillingPeriod period, String errorCode, Instant now) {
        update(
                "UPDATE billing_ledger SET last_error = ?, last_sync_at = ? WHERE tenant_id = ? AND period = ?",
                errorCode,
                Timestamp.from(now),
                tenant,
                period.toString());
    }

    private Optional<LedgerEntry> query(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = Jdbc.prepare(connection, sql, args);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("billing ledger read failed: " + e.getSQLState(), e);
        }
    }

    private static LedgerEntry entry(ResultSet rows) throws SQLException {
        long usage = rows.getLong("usage_total");
        Long usageTotal = rows.wasNull() ? null : usage;
        return new LedgerEntry(
                rows.getString("tenant_id"),
                BillingPeriod.parse(rows.getString("period")),
                LedgerEntry.State.valueOf(rows.getString("state")),
                usageTotal,
                rows.getString("invoice_id"),
                rows.getString("last_error"),
                rows.getInt("attempts"),
                rows.getTimestamp("last_sync_at").toInstant());
    }

    private int update(String sql, Object... args) {
        return Jdbc.update(dataSource, "billing ledger write", sql, args);
    }
}
