package io.maestro.conductor.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorPasswordTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private String consoleText() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesOnceKeepsItOwnerOnlyAndPrintsOnlyWhereItIsKept() throws Exception {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        String first = OperatorPassword.resolve(null, dataDir, true, out);

        Path file = dataDir.resolve("operator-password");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(consoleText()).contains(file.toString()).doesNotContain(first);

        console.reset();
        String second = OperatorPassword.resolve("", dataDir, true, out);
        assertThat(second).isEqualTo(first);
        assertThat(consoleText()).doesNotContain(first);
    }

    @Test
    void generatedPasswordsDifferBetweenDataDirs(@TempDir Path otherDataDir) {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertThat(OperatorPassword.resolve(null, dataDir, true, out))
                .isNotEqualTo(OperatorPassword.resolve(null, otherDataDir, true, out));
    }

    @Test
    void configuredPasswordWinsAndLeavesNoFile() {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        String chosen = OperatorPassword.resolve("from-the-environment", dataDir, true, out);

        assertThat(chosen).isEqualTo("from-the-environment");
        assertThat(dataDir.resolve("operator-password")).doesNotExist();
        assertThat(consoleText()).isEmpty();
    }

    @Test
    void configuredPasswordWinsOverAKeptOne() {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        String kept = OperatorPassword.resolve(null, dataDir, true, out);
        assertThat(OperatorPassword.resolve("from-the-environment", dataDir, true, out))
                .isEqualTo("from-the-environment")
                .isNotEqualTo(kept);
    }

    @Test
    void productionRefusesToStartWithoutAPassword() {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OperatorPassword.resolve(null, dataDir, false, out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CONDUCTOR_OPERATOR_PASSWORD");
        assertThat(dataDir.resolve("operator-password")).doesNotExist();
    }

    @Test
    void hubsStartingTogetherOnANewDataDirAgreeAndOnlyOneShowsThePassword() throws Exception {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        ExecutorService hubs = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> passwords = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                passwords.add(hubs.submit(() -> {
                    start.await();
                    return OperatorPassword.resolve(null, dataDir, true, out);
                }));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> password : passwords) {
                distinct.add(password.get());
            }
            String kept = Files.readString(dataDir.resolve("operator-password"));
            assertThat(distinct).containsExactly(kept);
            assertThat(consoleText()).doesNotContain(kept);
            assertThat(consoleText().split("password generated into", -1)).hasSize(2);
        } finally {
            hubs.shutdownNow();
        }
    }
}
