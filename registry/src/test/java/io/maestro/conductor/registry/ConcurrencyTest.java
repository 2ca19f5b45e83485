package io.maestro.conductor.registry;

import static io.maestro.conductor.registry.support.Fixtures.OPERATOR;
import static io.maestro.conductor.registry.support.Fixtures.s3;
import static io.maestro.conductor.registry.support.Fixtures.s3Config;
import static io.maestro.conductor.registry.support.Fixtures.tenantWithSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.registry.receipt.Receipt;
import io.maestro.conductor.registry.support.OnEachDatabase;
import io.maestro.conductor.registry.support.RegistryHarness;
import io.maestro.conductor.registry.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/** Writers racing on one tenant: the chain stays linear and exactly one of two same-version updates wins. */
class ConcurrencyTest {

    @OnEachDatabase
    void concurrentChangesOfOneTenantKeepOneUnbrokenChain(TestDatabase db) throws Exception {
        try (RegistryHarness h = new RegistryHarness(db)) {
            Registry registry = h.registry();
            tenantWithSecrets(registry, "acme");
            int secretReceipts = registry.receipts().list("acme").size();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Object>> installs = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String name = "bucket-" + i;
                    String env = i % 2 == 0 ? "dev" : "prod";
                    installs.add(() -> registry.install(OPERATOR, "acme", env, name, s3(name)));
                }
                for (Future<Object> f : pool.invokeAll(installs)) {
                    f.get();
                }

                List<Callable<Object>> sameVersion = List.of(
                        () -> registry.update(
                                OPERATOR,
                                "acme",
                                "dev",
                                "bucket-0",
                                new UpdateRequest(1, s3Config("winner-a"), null, null)),
                        () -> registry.update(
                                OPERATOR,
                                "acme",
                                "dev",
                                "bucket-0",
                                new UpdateRequest(1, s3Config("winner-b"), null, null)));
                int conflicts = 0;
                for (Future<Object> f : pool.invokeAll(sameVersion)) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(((RegistryException) e.getCause()).code())
                                .isEqualTo(ErrorCode.CONFIG_VERSION_CONFLICT);
                        conflicts++;
                    }
                }
                assertThat(conflicts).isEqualTo(1);
            } finally {
                pool.shutdown();
            }

            assertThat(registry.instances("acme", "dev")).hasSize(8);
            assertThat(registry.instances("acme", "prod")).hasSize(8);
            assertThat(registry.instance("acme", "dev", "bucket-0")
                            .orElseThrow()
                            .configVersion())
                    .isEqualTo(2);
            assertThat(registry.receipts().list("acme"))
                    .extracting(Receipt::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, secretReceipts + 17)
                            .boxed()
                            .toList());
            assertThat(registry.receipts().verify("acme").valid()).isTrue();
        }
    }
}
