package io.maestro.conductor.policy.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every OPA conformance case under {@code ../shared/opa-conformance/v1}: at least 95% must pass, and
 * every case that fails must be listed, with its reason, in {@code policy/CONFORMANCE.md}.
 */
class ConformanceSuiteTest {

    @Test
    void passesTheOpaConformanceCasesAndDocumentsEveryFailure() throws Exception {
        Path cases = RepoPaths.shared().resolve("opa-conformance/v1");
        List<ConformanceCases.Outcome> outcomes = ConformanceCases.runAll(cases);
        List<ConformanceCases.Outcome> failed =
                outcomes.stream().filter(o -> !o.passed()).toList();
        failed.forEach(o -> System.out.println("conformance FAIL " + o.file() + ": " + o.note() + ": " + o.reason()));
        System.out.println("conformance: " + (outcomes.size() - failed.size()) + "/" + outcomes.size() + " passed");

        assertThat(outcomes).hasSizeGreaterThan(500);
        assertThat((outcomes.size() - failed.size()) * 100.0 / outcomes.size()).isGreaterThanOrEqualTo(95.0);

        List<String> documented = Files.readAllLines(RepoPaths.repoRoot().resolve("policy/CONFORMANCE.md"));
        for (ConformanceCases.Outcome o : failed) {
            assertThat(documented)
                    .as("CONFORMANCE.md must list the failing case %s / %s with its reason", o.file(), o.note())
                    .anySatisfy(line ->
                            assertThat(line).contains("`" + o.file() + "`").contains("`" + o.note() + "`"));
        }
    }

    @Test
    void commandPrintsOneLinePerFailureAndTheTotals() throws Exception {
        Path dir = Files.createTempDirectory("cases");
        Files.writeString(dir.resolve("c.yaml"), """
        cases:
          - note: good/sum
            query: x = 1 + 2
            want_result:
              - x: 3
          - note: bad/wrong expectation
            query: x = 1
            want_result:
              - x: 2
          - note: good/error
            query: data.t.p = x
            modules:
              - |
                package t
                p := 1
                p := 2
            want_error_code: eval_conflict_error
        """);
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        int exit = ConformanceCases.run(
                dir, new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        String[] lines =
                buffer.toString(java.nio.charset.StandardCharsets.UTF_8).strip().split("\n");
        assertThat(exit).isEqualTo(1);
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("c.yaml: bad/wrong expectation: want [{\"x\":2}] but got [{\"x\":1}]");
        assertThat(lines[1]).isEqualTo("2 passed, 1 failed");
    }
}
