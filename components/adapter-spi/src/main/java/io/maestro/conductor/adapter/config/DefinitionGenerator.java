package io.maestro.conductor.adapter.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an adapter's definitions file and config docs from its {@link AdapterDefinitions}, run by the adapter's
 * build (exec-maven-plugin, phase {@code process-classes}):
 * {@code DefinitionGenerator <AdapterDefinitions class> <generated dir> <classes dir>}. It writes
 * {@value #DEFINITIONS_FILE} under both directories (the generated copy is committed, as Camel's catalog files are)
 * and one {@code docs/<definition>-config.md} table per definition under the generated directory.
 */
public final class DefinitionGenerator {

    /** The resource the registry reads from every jar at start. */
    public static final String DEFINITIONS_FILE = "META-INF/conductor/adapter-definitions.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private DefinitionGenerator() {}

    public static void main(String[] args) throws Exception {
        AdapterDefinitions declared = (AdapterDefinitions)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Path generated = Path.of(args[1]);
        String yaml = yaml(declared);
        write(generated.resolve("resources").resolve(DEFINITIONS_FILE), yaml);
        write(Path.of(args[2]).resolve(DEFINITIONS_FILE), yaml);
        for (AdapterDefinitionSpec spec : declared.definitions()) {
            write(generated.resolve("docs").resolve(spec.name() + "-config.md"), docs(spec));
        }
    }

    /** The definitions file: a header saying where it comes from, then the {@code definitions:} list. */
    public static String yaml(AdapterDefinitions declared) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        declared.definitions().forEach(spec -> root.withArray("definitions").add(spec.toNode()));
        return "# Generated from " + declared.getClass().getName() + " by the build; do not edit.\n"
                + YAML.writeValueAsString(root);
    }

    public static String docs(AdapterDefinitionSpec spec) {
        return "<!-- Generated from the adapter's InstanceConfigDef by the build; do not edit. -->\n"
                + "# `" + spec.name() + "` instance config\n\n" + spec.description() + ".\n\n"
                + spec.config().markdown();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file).equals(text)) {
            Files.writeString(file, text);
        }
    }
}
