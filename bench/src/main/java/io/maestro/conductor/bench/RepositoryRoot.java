package io.maestro.conductor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository the benchmarks read policies from, so they run from any directory inside it. */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    /** The directory of the parent POM (the one listing modules), from the working directory up. */
    public static Path find() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                String text = Files.readString(pom);
                if (text.contains("<artifactId>conductor-parent</artifactId>") && text.contains("<modules>")) {
                    return dir;
                }
            }
        }
        throw new IOException("run the benchmark from inside the conductor repository");
    }
}
