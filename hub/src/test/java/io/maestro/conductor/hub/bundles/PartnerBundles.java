package io.maestro.conductor.hub.bundles;

import com.nimbusds.jose.jwk.ECKey;
import io.maestro.conductor.devkit.BuiltJars;
import io.maestro.conductor.devkit.TestJars;
import io.maestro.conductor.devkit.bundle.BundleWriter;
import io.maestro.conductor.hub.support.HubProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Bundles of the hello example as a partner makes them: its built jar and manifest, signed with a given key. */
public final class PartnerBundles {

    static final String DEFINITIONS = "META-INF/conductor/adapter-definitions.yaml";

    private PartnerBundles() {}

    public static byte[] manifest() {
        try {
            return Files.readAllBytes(
                    HubProperties.repositoryPath("devkit/examples/hello").resolve("conductor-adapter.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jar() {
        try {
            return Files.readAllBytes(BuiltJars.hello(Files.createTempDirectory("hello-jar")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example as built (version 1.1.0). */
    public static byte[] hello(ECKey key) {
        return BundleWriter.write(manifest(), jar(), key);
    }

    /**
     * The same code released as another version: the manifest says {@code version}, and the jar goes without its
     * generated definitions file (which names 1.1.0); the bundle's manifest is its definition.
     */
    public static byte[] helloAs(String version, ECKey key) {
        return helloAs(version, Map.of(), key);
    }

    /** As {@link #helloAs(String, ECKey)}, with more of the manifest's text replaced ({@code "riskLevel: low"}...). */
    public static byte[] helloAs(String version, Map<String, String> replacements, ECKey key) {
        String manifest =
                new String(manifest(), StandardCharsets.UTF_8).replace("version: 1.1.0", "version: " + version);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            manifest = manifest.replace(replacement.getKey(), replacement.getValue());
        }
        Map<String, byte[]> entries = unzip(jar());
        entries.remove(DEFINITIONS);
        return BundleWriter.write(manifest.getBytes(StandardCharsets.UTF_8), TestJars.zip(entries), key);
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
