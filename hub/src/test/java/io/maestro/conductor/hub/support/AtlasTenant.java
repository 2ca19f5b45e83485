package io.maestro.conductor.hub.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tenant atlas (the platform team's tenant) as a tenant-config file with the {@code dev} secrets and adapters a test
 * or load driver gives it: YAML entries indented as the entries of {@code environments.dev.secrets} and
 * {@code environments.dev.adapters}.
 */
public final class AtlasTenant {

    private AtlasTenant() {}

    /** Writes {@code atlas.yaml} into {@code dir} (created if missing). */
    public static void write(Path dir, String devSecrets, String devAdapters) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("atlas.yaml"), """
                id: atlas
                name: Atlas Platform Team
                kind: internal
                environments:
                  dev:
                    secrets:
                %s
                    adapters:
                %s
                """.formatted(devSecrets, devAdapters));
    }
}
