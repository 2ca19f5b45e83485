package io.maestro.conductor.registry;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.util.List;

class DurabilityTest {

    @OnEachDatabase
    void aNewHazelcastMemberOnTheSameDatabaseLosesNothing(TestDatabase db) {
        try (RegistryHarness h = new RegistryHarness(db)) {
            tenantWithSecrets(h.registry(), "acme");
            h.registry().install(OPERATOR, "acme", "dev", "evidence", s3("bucket-a"));
            AdapterInstance before = h.registry()
                    .update(
                            OPERATOR,
                            "acme",
                            "dev",
                            "evidence",
                            new UpdateRequest(1, s3Config("bucket-b"), null, null));
            h.registry().indexRoutes(java.util.Map.of("archive", List.of("storage:put?instance=evidence")));
            List<Receipt> receiptsBefore = h.registry().receipts().list("acme");

            h.restart();

            Registry registry = h.registry();
            assertThat(registry.tenant("acme").orElseThrow().environments()).containsExactly("dev", "prod");
            assertThat(registry.instance("acme", "dev", "evidence")).contains(before);
            assertThat(registry.receipts().list("acme")).isEqualTo(receiptsBefore);
            assertThat(registry.receipts().verify("acme").valid()).isTrue();
            assertThat(registry.secrets()
                            .read(OPERATOR, "acme", "dev", "s3-secret", "after restart")
                            .reveal())
                    .isEqualTo("s3cr3t-acme-dev");
            assertThat(registry.update(
                                    OPERATOR,
                                    "acme",
                                    "dev",
                                    "evidence",
                                    new UpdateRequest(2, s3Config("bucket-c"), null, null))
                            .configVersion())
                    .isEqualTo(3);
            assertThat(registry.receipts().verify("acme").checked()).isEqualTo(receiptsBefore.size() + 1);
        }
    }
}
