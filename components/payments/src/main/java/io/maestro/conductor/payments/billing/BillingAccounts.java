package io.maestro.conductor.payments.billing;

import io.maestro.conductor.payments.CallContext;
import io.maestro.conductor.payments.Jdbc;
import io.maestro.conductor.payments.StripeBackend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each tenant's Stripe customer and metered subscription (table {@code billing_account}). The first sync of a tenant
 * creates both at Stripe with business key {@code account:<tenant>} (a retry after a crash between the two calls is
 * Stripe's replay, not a second customer) and keeps them here.
 */
public final class BillingAccounts {

    private final DataSource dataSource;
    private final Clock clock;

    public BillingAccounts(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Optional<BillingAccount> find(String tenant) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = Jdbc.prepare(
                        connection,
                        "SELECT customer_id, subscription_id FROM billing_account WHERE tenant_id = ?",
                        tenant);
                ResultSet rows = select.executeQuery()) {
            return rows.next()
                    ? Optional.of(new BillingAccount(rows.getString("customer_id"), rows.getString("subscription_id")))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("reading a billing account failed: " + e.getSQLState(), e);
        }
    }

    /** Every tenant's account, by tenant: what a run over many tenants reads once. */
    public Map<String, BillingAccount> all() {
        Map<String, BillingAccount> all = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT tenant_id, customer_id, subscription_id FROM billing_account");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.put(
                        rows.getString("tenant_id"),
                        new BillingAccount(rows.getString("customer_id"), rows.getString("subscription_id")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading billing accounts failed: " + e.getSQLState(), e);
        }
        return all;
    }

    /** The tenant's account, created at Stripe (through {@code context}'s instance) the first time. */
    public BillingAccount open(StripeBackend stripe, CallContext context) {
        String tenant = context.tenant();
        Optional<BillingAccount> known = find(tenant);
        if (known.isPresent()) {
            return known.get();
        }
        String businessKey = "account:" + tenant;
        String customer =
                stripe.createCustomer(context, businessKey, null, null, null).getId();
        String subscription =
                stripe.createSubscription(context, businessKey, customer, null).getId();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = Jdbc.prepare(
                        connection,
                        "INSERT INTO billing_account (tenant_id, customer_id, subscription_id, created_at) "
                                + "VALUES (?, ?, ?, ?)",
                        tenant,
                        customer,
                        subscription,
                        Timestamp.from(clock.instant()))) {
            insert.executeUpdate();
            return new BillingAccount(customer, subscription);
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                // Another hub opened it at the same moment, with the same keys: Stripe answered both alike.
                return find(tenant).orElseThrow();
            }
            throw new IllegalStateException("storing a billing account failed: " + e.getSQLState(), e);
        }
    }
}
