package io.maestro.conductor.policy.simulate;

import io.maestro.conductor.policy.pdp.BundleException;
import io.maestro.conductor.policy.pdp.BundleLoader;
import io.maestro.conductor.policy.pdp.PolicyBundles;
import io.maestro.conductor.policy.rego.QueryOptions;
import io.maestro.conductor.policy.rego.RegoException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code conductor policy simulate DIR}: runs the simulation suites under DIR against a bundle (by default the
 * nearest directory at or above DIR that holds {@code .rego} files) and prints one line per mismatch and a last line
 * {@code N passed, M failed}. Exit 0 when all pass, 1 otherwise.
 */
public final class SimulateCommand {
    private SimulateCommand() {}

    public static int run(Path scenariosDir, List<Path> bundleDirs, PrintStream out) {
        try {
            List<Path> bundles =
                    bundleDirs == null || bundleDirs.isEmpty() ? List.of(bundleOf(scenariosDir)) : bundleDirs;
            List<Scenario> scenarios = ScenarioFiles.load(scenariosDir);
            PolicyBundles loaded = BundleLoader.load(bundles);
            PolicySimulator simulator = PolicySimulator.compile(
                    loaded.modules(), loaded.data(), QueryOptions.DEFAULT_MAX_STEPS, QueryOptions.DEFAULT_TIMEOUT);
            List<PolicySimulator.Mismatch> mismatches = simulator.check(scenarios);
            mismatches.forEach(m -> out.println(m.line()));
            out.println((scenarios.size() - mismatches.size()) + " passed, " + mismatches.size() + " failed");
            return mismatches.isEmpty() && !scenarios.isEmpty() ? 0 : 1;
        } catch (IOException | IllegalArgumentException | BundleException | RegoException e) {
            out.println("cannot simulate " + scenariosDir + ": " + e.getMessage());
            out.println("0 passed, 1 failed");
            return 1;
        }
    }

    /** The nearest directory at or above {@code dir} with {@code .rego} files in it. */
    static Path bundleOf(Path dir) throws IOException {
        for (Path at = dir.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            try (Stream<Path> files = Files.list(at)) {
                if (files.anyMatch(f -> f.toString().endsWith(".rego"))) return at;
            }
        }
        throw new IllegalArgumentException("no directory with .rego files at or above " + dir + "; name one with -d");
    }
}
