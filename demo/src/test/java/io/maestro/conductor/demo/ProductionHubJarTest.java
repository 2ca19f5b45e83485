package io.maestro.conductor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.HubProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The production hub, {@code hub/target/conductor-hub.jar}, holds no demo peer and no demo wiring: a deployment runs
 * it against real services, and the embedded default's peers come only with this module's jar. Reads the executable
 * jar the hub module just packaged (this module builds after it).
 */
class ProductionHubJarTest {

    /** Jar-name prefixes of the peers (and the module that starts them) that must stay out of the production hub. */
    private static final List<String> PEERS =
            List.of("conductor-sandbox", "s3proxy", "google-cloud-nio", "jclouds", "elasticmq", "mock-oauth2-server");

    @Test
    void theProductionHubJarHoldsNoPeerAndNoDemoWiring() throws IOException {
        Path jar = HubProperties.repositoryPath("hub").resolve("target/conductor-hub.jar");
        assertThat(jar).as("build the hub first (mvn -pl demo -am verify)").isRegularFile();
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(JarEntry::getName).toList();
        }
        List<String> libraries = entries.stream()
                .filter(name -> name.startsWith("BOOT-INF/lib/"))
                .map(name -> name.substring("BOOT-INF/lib/".length()))
                .toList();

        // It is the executable hub with its adapters, so an empty or plain jar cannot pass.
        assertThat(entries).contains("BOOT-INF/classes/io/maestro/conductor/hub/ConductorHubApplication.class");
        assertThat(libraries).anyMatch(name -> name.startsWith("conductor-storage-"));
        assertThat(libraries).anyMatch(name -> name.startsWith("camel-aws2-s3-"));

        assertThat(libraries)
                .as("peer libraries in the production hub")
                .noneMatch(name -> PEERS.stream().anyMatch(name::startsWith));
        assertThat(entries)
                .as("demo classes in the production hub")
                .noneMatch(name -> name.contains("io/maestro/conductor/demo/")
                        || name.contains("io/maestro/conductor/hub/demo/")
                        || name.contains("io/maestro/conductor/sandbox/"));
        assertThat(Files.size(jar)).isGreaterThan(1_000_000);
    }
}
