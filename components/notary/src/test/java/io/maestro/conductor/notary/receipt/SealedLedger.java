package io.maestro.conductor.notary.receipt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.maestro.conductor.notary.Seal;
import io.maestro.conductor.registry.receipt.ReceiptAction;
import io.maestro.conductor.registry.receipt.ReceiptLedger;
import io.maestro.conductor.registry.store.Sql;
import io.maestro.conductor.registry.support.TestDatabase;
import java.time.Instant;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** A migrated test database with a tenant and its receipts, and a way to seal them. */
final class SealedLedger {

    final DataSource dataSource;
    final ReceiptLedger ledger;
    final ReceiptSeals seals;
    final JdbcTemplate jdbc;

    SealedLedger(TestDatabase database) {
        dataSource = database.open();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        ledger = new ReceiptLedger(dataSource);
        seals = new ReceiptSeals(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    SealedLedger tenant(String tenant, int receipts) {
        jdbc.update(
                "INSERT INTO tenant (id, name, kind, created_at) VALUES (?, ?, 'internal', ?)",
                tenant,
                tenant,
                Sql.timestamp(Instant.now()));
        for (int i = 1; i <= receipts; i++) {
            ledger.append(
                    tenant,
                    "prod",
                    "alice",
                    ReceiptAction.UPDATE,
                    "ledger",
                    JsonNodeFactory.instance.objectNode().put("step", i));
        }
        return this;
    }

    /** Seals every unsealed receipt of {@code tenant} with {@code notary} (content → seal); how many. */
    int sealAll(String tenant, Function<byte[], Seal> notary) {
        return seals.sealPending(tenant, notary, "acme/prod/notary", 1000);
    }
}
