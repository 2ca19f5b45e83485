package io.maestro.conductor.policy.pdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.policy.tools.RegoTestRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The repository's Rego bundles pass their own {@code *_test.rego} suites, run as {@code opa test} would. */
class RepositoryBundleTestsTest {

    @ParameterizedTest
    @CsvSource({"residency-policies, 12", "governance-policies, 46"})
    void bundleTestsPass(String bundle, int tests) {
        Path dir = RepositoryBundles.root().resolve(bundle);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = RegoTestRunner.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report.strip()).as(report).endsWith(tests + " passed, 0 failed");
        assertThat(exit).isZero();
    }
}
