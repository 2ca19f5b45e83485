package io.maestro.conductor.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;

/** Reads config YAML and its required fields, naming the source in every error. */
final class ConfigYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigYaml() {}

    static JsonNode read(InputStream in, String source) {
        try (in) {
            JsonNode root = YAML.readTree(in);
            if (root == null || !root.isObject()) {
                throw invalid(source, "expected a YAML mapping at the top");
            }
            return root;
        } catch (IOException e) {
            throw invalid(source, "not valid YAML: " + e.getMessage());
        }
    }

    static String text(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw invalid(source, "'" + field + "' is required");
        }
        return value.asText();
    }

    static RegistryException invalid(String source, String why) {
        return new RegistryException(ErrorCode.TENANT_CONFIG_INVALID, source + ": " + why);
    }
}
