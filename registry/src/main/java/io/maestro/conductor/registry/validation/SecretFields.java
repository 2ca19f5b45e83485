package io.maestro.conductor.registry.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON pointers of the config fields a schema marks as secret, the way Kamelets do
 * ({@code format: password}) or explicitly ({@code x-secret: true}); nested objects included.
 */
final class SecretFields {

    private SecretFields() {
    }

    static List<String> pointers(JsonNode schema) {
        List<String> pointers = new ArrayList<>();
        collect(schema, "", pointers);
        return pointers;
    }

    private static void collect(JsonNode schema, String prefix, List<String> pointers) {
        JsonNode properties = schema.path("properties");
        properties.fieldNames().forEachRemaining(name -> {
            JsonNode property = properties.get(name);
            String pointer = prefix + "/" + name.replace("~", "~0").replace("/", "~1");
            if ("password".equals(property.path("format").asText()) || property.path("x-secret").asBoolean(false)) {
                pointers.add(pointer);
            } else if (property.has("properties")) {
                collect(property, pointer, pointers);
            }
        });
    }
}
