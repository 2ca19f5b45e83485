package io.maestro.conductor.registry.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a schema marks secret fields, the way Kamelets do ({@code format: password}) or explicitly
 * ({@code x-secret: true}), in nested objects and array items too. Templates are JSON pointers in which
 * {@code *} stands for every index of an array; {@link #expand} turns them into the pointers of one config.
 */
final class SecretFields {

    static final String ANY_INDEX = "*";

    private SecretFields() {}

    static List<String> templates(JsonNode schema) {
        List<String> templates = new ArrayList<>();
        collect(schema, "", templates);
        return templates;
    }

    /** The concrete pointers of {@code config} that a template covers (only those present). */
    static List<String> expand(String template, JsonNode config) {
        List<String> pointers = new ArrayList<>();
        expand(template.isEmpty() ? new String[0] : template.substring(1).split("/"), 0, "", config, pointers);
        return pointers;
    }

    private static void collect(JsonNode schema, String prefix, List<String> templates) {
        JsonNode properties = schema.path("properties");
        properties
                .fieldNames()
                .forEachRemaining(name -> visit(
                        properties.get(name),
                        prefix + "/" + name.replace("~", "~0").replace("/", "~1"),
                        templates));
        if (schema.path("items").isObject()) {
            visit(schema.get("items"), prefix + "/" + ANY_INDEX, templates);
        }
    }

    private static void visit(JsonNode property, String pointer, List<String> templates) {
        if ("password".equals(property.path("format").asText())
                || property.path("x-secret").asBoolean(false)) {
            templates.add(pointer);
        } else {
            collect(property, pointer, templates);
        }
    }

    private static void expand(String[] segments, int i, String at, JsonNode node, List<String> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (i == segments.length) {
            out.add(at);
            return;
        }
        if (ANY_INDEX.equals(segments[i])) {
            for (int index = 0; index < node.size() && node.isArray(); index++) {
                expand(segments, i + 1, at + "/" + index, node.get(index), out);
            }
        } else if (node.isObject()) {
            String field = segments[i].replace("~1", "/").replace("~0", "~");
            expand(segments, i + 1, at + "/" + segments[i], node.get(field), out);
        }
    }
}
