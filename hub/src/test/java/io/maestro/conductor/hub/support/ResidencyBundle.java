package io.maestro.conductor.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real residency-policies/residency.rego in a temporary bundle directory, with a test's own residency data. */
public final class ResidencyBundle {

    private ResidencyBundle() {}

    /** @param dataJson what {@code config/residency/data.json} holds (tenants, regions, pods, write actions) */
    public static Path withData(String dataJson) {
        try {
            Path dir = Files.createTempDirectory("residency-bundle");
            Files.copy(
                    HubProperties.repositoryPath("residency-policies").resolve("residency.rego"),
                    dir.resolve("residency.rego"));
            Files.writeString(
                    Files.createDirectories(dir.resolve("config/residency")).resolve("data.json"), dataJson);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
