package io.maestro.conductor.registry.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFileTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFileOwnerOnlyOnceAndLaterCallsReadIt() throws Exception {
        Path file = dir.resolve("nested/secret.txt");

        assertThat(OwnerOnlyFile.readOrCreate(file, () -> "first")).isEqualTo("first");
        assertThat(OwnerOnlyFile.readOrCreate(file, () -> "second")).isEqualTo("first");

        assertThat(Files.readString(file)).isEqualTo("first");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void racingCreatorsAllEndUpWithTheWinnersContent() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path file = dir.resolve("race-" + round);
            Set<String> seen = new HashSet<>(race(16, i -> OwnerOnlyFile.readOrCreate(file, () -> "content-" + i)));
            assertThat(seen).hasSize(1);
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .isEqualTo(seen.iterator().next());
        }
        try (Stream<Path> staged = Files.list(dir)) {
            assertThat(staged).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void processesStartingOnOneNewDataDirShareOneMasterKey() throws Exception {
        Path dataDir = dir.resolve("data");
        List<Aead> keys = race(8, i -> MasterKeySource.fromDataDir(dataDir).aead());

        byte[] associated = "tenant/env/name".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = keys.get(0).encrypt("s3cr3t".getBytes(StandardCharsets.UTF_8), associated);
        for (Aead key : keys) {
            assertThat(new String(key.decrypt(sealed, associated), StandardCharsets.UTF_8))
                    .isEqualTo("s3cr3t");
        }
    }

    private interface Attempt<T> {
        T run(int i) throws Exception;
    }

    /** Runs {@code threads} attempts released at the same moment; their results in thread order. */
    private static <T> List<T> race(int threads, Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<T> task = () -> {
                    start.await();
                    return attempt.run(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
