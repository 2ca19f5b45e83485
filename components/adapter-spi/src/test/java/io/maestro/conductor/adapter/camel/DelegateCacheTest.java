package io.maestro.conductor.adapter.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DelegateCacheTest {

    private static final InstanceRef REF = new InstanceRef("acme", "prod", "store");

    /** A delegate that remembers its version and whether it was closed. */
    private static final class Client implements AutoCloseable {
        final long version;
        volatile boolean closed;

        Client(long version) {
            this.version = version;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final DelegateCache<Client> cache = new DelegateCache<>();
    private final List<Client> built = new CopyOnWriteArrayList<>();

    @Test
    void concurrentFirstCallsBuildOneDelegate() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Client>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(instance(1), this::slowBuild);
                }));
            }
            start.countDown();
            for (Future<Client> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(built.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(built).hasSize(1);
    }

    @Test
    void aChangedConfigBuildsANewDelegateAndClosesTheOld() {
        Client v2 = cache.get(instance(2, "https://a.example"), this::slowBuild);
        assertThat(cache.get(instance(2, "https://a.example"), this::slowBuild)).isSameAs(v2);
        Client v3 = cache.get(instance(3, "https://b.example"), this::slowBuild);
        assertThat(v3).isNotSameAs(v2);
        assertThat(v2.closed).isTrue();
        assertThat(v3.closed).isFalse();
        cache.closeAll();
        assertThat(v3.closed).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aReinstallAtALowerVersionWithAnotherConfigNeverGetsTheOldDelegate() {
        Client old = cache.get(instance(5, "https://old.example"), this::slowBuild);
        Client reinstalled = cache.get(instance(1, "https://new.example"), this::slowBuild);
        assertThat(reinstalled).isNotSameAs(old);
        assertThat(reinstalled.version).isEqualTo(1);
        assertThat(old.closed).isTrue();
    }

    @Test
    void anOlderVersionWithTheSameConfigKeepsTheNewerDelegate() {
        Client v2 = cache.get(instance(2, "https://a.example"), this::slowBuild);
        assertThat(cache.get(instance(1, "https://a.example"), this::slowBuild)).isSameAs(v2);
        assertThat(v2.closed).isFalse();
        assertThat(built).hasSize(1);
    }

    @Test
    void aNewerVersionWithTheSameConfigBuildsANewDelegate() {
        Client v1 = cache.get(instance(1, "https://a.example"), this::slowBuild);
        Client v2 = cache.get(instance(2, "https://a.example"), this::slowBuild);
        assertThat(v2)
                .as("a rotated secret keeps its reference: only the version tells")
                .isNotSameAs(v1);
        assertThat(v1.closed).isTrue();
    }

    private Client slowBuild(ResolvedInstance instance) throws InterruptedException {
        Thread.sleep(50);
        Client client = new Client(instance.configVersion());
        built.add(client);
        return client;
    }

    private static ResolvedInstance instance(long version) {
        return instance(version, "https://a.example");
    }

    private static ResolvedInstance instance(long version, String endpoint) {
        return new ResolvedInstance(
                REF, "storage", "s3-storage", version, null, "low", "internal", Map.of("endpoint", endpoint));
    }
}
