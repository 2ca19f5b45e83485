package io.maestro.conductor.cli;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.store.Json;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code receipts verify --db URL} on H2 and on the tests' PostgreSQL. */
class ReceiptsVerifyByUrlTest {

    @OnEachDatabase
    void aDeletedReceiptIsFoundThroughAJdbcUrl(TestDatabase db) {
        try (RegistryHarness hub = new RegistryHarness(db)) {
            tenantWithSecrets(hub.registry(), "acme");
            hub.registry().install(OPERATOR, "acme", "dev", "one", s3("bucket-one"));
            hub.registry().install(OPERATOR, "acme", "dev", "two", s3("bucket-two"));
            hub.registry().install(OPERATOR, "acme", "dev", "three", s3("bucket-three"));
            assertThat(CliRun.of("receipts", "verify", "--tenant", "acme", "--db", db.url())
                            .exitCode())
                    .isZero();

            Receipt second = hub.registry().receipts().list("acme").get(1);
            new JdbcTemplate(hub.dataSource()).update("DELETE FROM receipt WHERE id = ?", second.id());
            CliRun run = CliRun.of("receipts", "verify", "--tenant", "acme", "--db", db.url());

            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode json = Json.parse(run.out());
            assertThat(json.at("/firstBad/seq").asLong()).isEqualTo(2);
            assertThat(json.at("/firstBad/reason").asText()).startsWith("SEQUENCE_GAP");
        }
    }
}
