package io.maestro.conductor.policy.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (the directory whose pom.xml is conductor-parent) and its sibling {@code shared}. */
final class RepoPaths {
    private RepoPaths() {}

    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                // a module's pom names conductor-parent in its <parent> block; the root pom is conductor-parent itself
                if (Files.isRegularFile(pom)
                        && Files.readString(pom)
                                .replaceAll("(?s)<parent>.*?</parent>", "")
                                .contains("<artifactId>conductor-parent</artifactId>")) {
                    return dir;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException(
                "no conductor-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    static Path shared() {
        return repoRoot().resolve("../shared").normalize();
    }
}
