package io.maestro.conductor.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Processed webhook event ids in SQL (table {@code payments_webhook_event}): a claim is an insert under the primary
 * key, so it holds across restarts and across the hubs of a cluster sharing the database.
 */
public final class SqlProcessedWebhookEvents implements ProcessedWebhookEvents {

    private final DataSource dataSource;
    private final Clock clock;

    public SqlProcessedWebhookEvents(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public boolean claim(String tenant, String environment, String eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = Jdbc.prepare(
                        connection,
                        "INSERT INTO payments_webhook_event (tenant_id, environment, event_id, received_at) "
                                + "VALUES (?, ?, ?, ?)",
                        tenant,
                        environment,
                        eventId,
                        Timestamp.from(clock.instant()))) {
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new IllegalStateException("claiming a webhook event failed: " + e.getSQLState(), e);
        }
    }

    @Override
    public void release(String tenant, String environment, String eventId) {
        Jdbc.update(
                dataSource,
                "releasing a webhook event",
                "DELETE FROM payments_webhook_event WHERE tenant_id = ? AND environment = ? AND event_id = ?",
                tenant,
                environment,
                eventId);
    }

    /**
     * Forgets ids received before {@code before}: Stripe retries a delivery for three days, and a delivery older
     * than the signature tolerance is refused anyway, so an old id can never come back.
     *
     * @return how many were forgotten
     */
    public int forgetBefore(Instant before) {
        return Jdbc.update(
                dataSource,
                "forgetting old webhook events",
                "DELETE FROM payments_webhook_event WHERE received_at < ?",
                Timestamp.from(before));
    }
}
