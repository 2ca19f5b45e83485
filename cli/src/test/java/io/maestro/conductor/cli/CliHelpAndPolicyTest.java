package io.maestro.conductor.cli;

import io.maestro.conductor.registry.support.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliHelpAndPolicyTest {

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: conductor", "receipts", "policy");
        assertThat(CliRun.of("receipts", "verify", "--help").out()).contains("--tenant", "--db", "--data-dir");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        CliRun run = CliRun.of("receipts", "verify");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--tenant=<tenant>'");
        assertThat(CliRun.of("policy", "eval", "data.x").err()).contains("--data");
    }

    @Test
    void policyCasesDelegatesToTheConformanceRunner() throws Exception {
        Path dir = Files.createTempDirectory("cases");
        try {
            CliRun empty = CliRun.of("policy", "cases", dir.toString());
            assertThat(empty.exitCode()).isZero();
            assertThat(empty.out()).contains("0 passed, 0 failed");

            Files.writeString(dir.resolve("broken.yaml"), "cases: [unclosed");
            CliRun broken = CliRun.of("policy", "cases", dir.toString());
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.out()).contains("failed");
        } finally {
            TempDirs.delete(dir);
        }
    }
}
