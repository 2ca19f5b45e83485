package io.maestro.conductor.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Properties that put a test hub on its own data dir and its own Hazelcast cluster. */
public final class HubProperties {

    private HubProperties() {}

    /**
     * The embedded default on {@code dataDir}, with the repository's demo tenants. (The in-process demo peers come
     * only with the demo module, whose tests start them.) Each hub gets a cluster name of its
     * own, so hubs of different tests in one JVM never join each other.
     */
    public static Map<String, String> embeddedDefault(Path dataDir) {
        return Map.of(
                "conductor.data-dir",
                dataDir.toString(),
                "conductor.tenant-config-dir",
                repositoryPath("tenant-config").toString(),
                "conductor.routes-dir",
                repositoryPath("routes").toString(),
                "conductor.hazelcast.cluster-name",
                "hub-test-" + UUID.randomUUID(),
                "conductor.hazelcast.port",
                "5801",
                "conductor.hazelcast.port-auto-increment",
                "true");
    }

    /**
     * Properties as command-line arguments, for a hub started with {@code SpringApplicationBuilder.run}: properties
     * given to the builder are defaults, which application.yaml would override.
     */
    public static String[] asArguments(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
    }

    /** A fresh data dir for one test hub. */
    public static Path newDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator password a hub generated into its data dir at first start. */
    public static String operatorPassword(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("operator-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder at the repository root (tests run with the module folder as working directory). */
    public static Path repositoryPath(String folder) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(folder))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no " + folder + "/ above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(folder);
    }
}
