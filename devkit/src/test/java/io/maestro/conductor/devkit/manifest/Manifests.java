package io.maestro.conductor.devkit.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hello example's manifest, as bytes or as a tree to change. */
public final class Manifests {

    /** Tests run in the devkit module's directory. */
    public static final Path HELLO = Path.of("examples/hello/conductor-adapter.yaml");

    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {}

    public static byte[] helloYaml() {
        try {
            return Files.readAllBytes(HELLO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode hello() {
        try {
            return (ObjectNode) YAML.readTree(helloYaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] json(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
