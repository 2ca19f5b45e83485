package io.maestro.conductor.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.support.HubProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every {@code conductor.*} setting the hub's application*.yaml sets and the READMEs' settings tables name is a
 * typed setting with generated metadata ({@code META-INF/spring-configuration-metadata.json}, written by
 * spring-boot-configuration-processor from the {@code @ConfigurationProperties} records), so IDEs, docs and the
 * start-up binding agree on one list.
 */
class SettingsMetadataTest {

    private static final Pattern SETTING = Pattern.compile("`(conductor\\.[^`\\s]+)`");

    @Test
    void everyConductorSettingOfTheYamlAndTheDocsIsInTheGeneratedMetadata() throws IOException {
        Map<String, String> metadata = conductorMetadata();
        List<String> used = new ArrayList<>();
        Path resources = HubProperties.repositoryPath("hub").resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            for (Path yaml : files.filter(file -> file.getFileName().toString().matches("application.*\\.yaml"))
                    .toList()) {
                flatten("", new Yaml().load(Files.readString(yaml)), used);
            }
        }
        used.removeIf(key -> !key.startsWith("conductor."));
        int fromYaml = used.size();
        for (Path readme : List.of(
                HubProperties.repositoryPath("hub").getParent().resolve("README.md"),
                HubProperties.repositoryPath("hub").resolve("README.md"))) {
            used.addAll(documentedSettings(Files.readAllLines(readme)));
        }

        assertThat(fromYaml).as("settings in application*.yaml").isGreaterThan(10);
        assertThat(used.size() - fromYaml).as("settings in the READMEs' tables").isGreaterThan(10);
        assertThat(used)
                .allSatisfy(key -> assertThat(isKnown(key, metadata))
                        .as("%s is in spring-configuration-metadata.json", key)
                        .isTrue());
    }

    @Test
    void theMetadataDescribesThePolicySettings() throws IOException {
        Map<String, String> metadata = conductorMetadata();

        assertThat(metadata)
                .containsKeys(
                        "conductor.policy.mode",
                        "conductor.policy.bundle-dirs",
                        "conductor.policy.opa.url",
                        "conductor.policy.opa.password",
                        "conductor.operator.generate-password",
                        "conductor.evidence.redeliveries",
                        "conductor.governance.policies",
                        "conductor.routes-dir");
        assertThat(metadata.get("conductor.governance.policies")).startsWith("java.util.Map");
    }

    /** Name to type of every {@code conductor.*} property of the metadata on the class path. */
    private static Map<String, String> conductorMetadata() throws IOException {
        Map<String, String> properties = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(SettingsMetadataTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("conductor.")) {
                        properties.put(name, property.path("type").asText());
                    }
                }
            }
        }
        return properties;
    }

    /**
     * A key is known when the metadata names it, or names a map or list it is an entry of ({@code policies.storage},
     * {@code users[0].name}), or, for {@code prefix.*}, anything below the prefix.
     */
    private static boolean isKnown(String key, Map<String, String> metadata) {
        if (key.endsWith(".*")) {
            String prefix = key.substring(0, key.length() - 1);
            return metadata.keySet().stream().anyMatch(name -> name.startsWith(prefix));
        }
        if (metadata.containsKey(key)) {
            return true;
        }
        return metadata.entrySet().stream()
                .anyMatch(
                        property -> (key.startsWith(property.getKey() + ".") || key.startsWith(property.getKey() + "["))
                                && (property.getValue().startsWith("java.util.Map")
                                        || property.getValue().startsWith("java.util.List")));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, List<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach(
                    (name, value) -> flatten(prefix.isEmpty() ? name.toString() : prefix + "." + name, value, keys));
        } else if (node instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            flatten(prefix + "[0]", list.get(0), keys);
        } else {
            keys.add(prefix);
        }
    }

    /**
     * The settings named in the first cell of the READMEs' table rows, with {@code {a,b}} expanded, {@code [n]} as an
     * index and {@code <name>} as a map key.
     */
    private static List<String> documentedSettings(List<String> lines) {
        List<String> settings = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("| `conductor.")) {
                continue;
            }
            Matcher matcher = SETTING.matcher(line.substring(0, line.indexOf('|', 1)));
            while (matcher.find()) {
                String setting = matcher.group(1).replace("[n]", "[0]").replaceAll("<[^>]+>", "key");
                Matcher choice = Pattern.compile("\\{([^}]+)}").matcher(setting);
                if (choice.find()) {
                    for (String option : choice.group(1).split(",")) {
                        settings.add(setting.substring(0, choice.start()) + option.strip());
                    }
                } else {
                    settings.add(setting);
                }
            }
        }
        return settings;
    }
}
