package io.maestro.conductor.policy.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The governance bundle's simulation suites hold at least 30 scenarios per tenant kind and all pass, as in CI. */
class RepositorySimulationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"internal", "white-label", "saas"})
    void everyScenarioOfTheSuiteGetsItsExpectedDecision(String kind) {
        Path dir = repositoryRoot().resolve("governance-policies/simulations").resolve(kind);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = SimulateCommand.run(dir, List.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8).strip();
        Matcher last = Pattern.compile("(\\d+) passed, (\\d+) failed$").matcher(report);
        assertThat(last.find()).as(report).isTrue();
        assertThat(Integer.parseInt(last.group(2))).as(report).isZero();
        assertThat(Integer.parseInt(last.group(1))).isGreaterThanOrEqualTo(30);
        assertThat(exit).isZero();
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("governance-policies"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("not inside the conductor repository");
        return dir;
    }
}
