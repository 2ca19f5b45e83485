package io.maestro.conductor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.registry.support.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliHelpAndPolicyTest {

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: conductor", "receipts", "policy");
        assertThat(CliRun.of("receipts", "verify", "--help").out()).contains("--tenant", "--db", "--data-dir");
    }

    @Test
    void aBareCommandGroupPrintsItsUsage() {
        assertThat(CliRun.of().out()).contains("Usage: conductor", "receipts", "policy", "users");
        assertThat(CliRun.of("receipts").out()).contains("Usage: conductor receipts", "verify");
        assertThat(CliRun.of("policy").out()).contains("Usage: conductor policy", "eval", "cases");
        assertThat(CliRun.of("users").out()).contains("Usage: conductor users", "hash");
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

    @Test
    void policyEvalAndTestRunTheEmbeddedEngine() throws Exception {
        Path dir = Files.createTempDirectory("rego");
        try {
            Files.writeString(dir.resolve("authz.rego"), """
                    package authz

                    import rego.v1

                    default allow := false

                    allow if input.user == "alice"
                    """);
            Files.writeString(dir.resolve("authz_test.rego"), """
                    package authz_test

                    import rego.v1

                    test_alice_allowed if data.authz.allow with input as {"user": "alice"}

                    test_bob_allowed if data.authz.allow with input as {"user": "bob"}
                    """);
            Path input = Files.writeString(dir.resolve("input.json"), "{\"user\": \"alice\"}");

            CliRun eval = CliRun.of("policy", "eval", "-d", dir.toString(), "-i", input.toString(), "data.authz.allow");
            assertThat(eval.exitCode()).isZero();
            assertThat(eval.out()).contains("\"value\": true", "\"text\": \"data.authz.allow\"");

            CliRun test = CliRun.of("policy", "test", dir.toString());
            assertThat(test.exitCode()).isEqualTo(1);
            assertThat(test.out()).contains("test_bob_allowed", "1 passed, 1 failed");
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Test
    void policySimulateRunsTheRepositorySuiteAgainstItsBundle() {
        Path saas = Path.of("").toAbsolutePath().getParent().resolve("governance-policies/simulations/saas");

        CliRun run = CliRun.of("policy", "simulate", saas.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out().strip()).matches("(?s)\\d+ passed, 0 failed");
    }
}
