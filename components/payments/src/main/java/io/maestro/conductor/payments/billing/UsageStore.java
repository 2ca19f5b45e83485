package io.maestro.conductor.payments.billing;

import io.maestro.conductor.payments.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The store of record for billable usage (table {@code usage_count}): counts per tenant, period, environment and
 * source that only grow. {@link #add} adds deltas in one transaction (several hubs each add their own); the billing
 * sync reads a whole period's totals in one query ({@link #totals}).
 */
public final class UsageStore {

    private static final String INCREMENT = "UPDATE usage_count SET quantity = quantity + ?, updated_at = ? "
            + "WHERE tenant_id = ? AND period = ? AND environment = ? AND source = ?";
    private static final String INSERT = "INSERT INTO usage_count "
            + "(tenant_id, period, environment, source, quantity, updated_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public UsageStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Adds every delta, all or none. Rows that exist are incremented in one batch, new ones inserted in another; when
     * another hub inserted one of them meanwhile, the transaction is rolled back and run again (then it increments).
     */
    public void add(List<UsageCount> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (int attempt = 1; ; attempt++) {
                    try {
                        write(connection, deltas);
                        connection.commit();
                        return;
                    } catch (SQLException e) {
                        connection.rollback();
                        if (!Jdbc.isDuplicateKey(e) || attempt == 3) {
                            throw e;
                        }
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording usage failed: " + e.getSQLState(), e);
        }
    }

    private void write(Connection connection, List<UsageCount> deltas) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        int[] updated;
        try (PreparedStatement increment = connection.prepareStatement(INCREMENT)) {
            for (UsageCount delta : deltas) {
                Jdbc.bind(
                        increment,
                        delta.quantity(),
                        now,
                        delta.tenant(),
                        delta.period().toString(),
                        delta.environment(),
                        delta.source());
                increment.addBatch();
            }
            updated = increment.executeBatch();
        }
        List<UsageCount> fresh = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                fresh.add(deltas.get(i));
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (UsageCount delta : fresh) {
                Jdbc.bind(
                        insert,
                        delta.tenant(),
                        delta.period().toString(),
                        delta.environment(),
                        delta.source(),
                        delta.quantity(),
                        now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Every tenant's usage in the period, summed over environments and sources; tenants without usage are absent. */
    public Map<String, Long> totals(BillingPeriod period) {
        Map<String, Long> totals = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = Jdbc.prepare(
                        connection,
                        "SELECT tenant_id, SUM(quantity) AS total FROM usage_count WHERE period = ? GROUP BY tenant_id",
                        period.toString());
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                totals.put(rows.getString("tenant_id"), rows.getLong("total"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading usage failed: " + e.getSQLState(), e);
        }
        return totals;
    }
}
