package io.maestro.conductor.hub.support;

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
