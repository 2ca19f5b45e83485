package io.maestro.conductor.policy.pdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's own bundle directories, found by walking up to the parent POM (the one with modules). */
final class RepositoryBundles {
    private RepositoryBundles() {}

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && isParent(read(pom))) return dir;
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the conductor repository");
    }

    static Path residency() {
        return root().resolve("residency-policies");
    }

    static Path governance() {
        return root().resolve("governance-policies");
    }

    static List<Path> all() {
        return List.of(residency(), governance());
    }

    static EmbeddedDecisionPoint decisionPoint() {
        return new EmbeddedDecisionPoint(
                BundleLoader.load(all()).compile(), new DecisionLog(), PolicySettings.DEFAULT_EVAL_TIMEOUT);
    }

    private static boolean isParent(String pom) {
        return pom.contains("<artifactId>conductor-parent</artifactId>") && pom.contains("<modules>");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
