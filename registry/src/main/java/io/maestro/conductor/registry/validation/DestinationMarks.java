package io.maestro.conductor.registry.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The destination marks of a definition's config schema: a top-level property with {@value #KEYWORD} (its value
 * {@code url} or {@code host-port-list}) says where an instance sends data and credentials, so the hub's endpoint
 * allowlist governs it. The adapter SPI writes them ({@code InstanceConfigDef.defineDestination}); a hand-written
 * definition may too. They change no config's validity.
 */
public final class DestinationMarks {

    /** The schema keyword, as the adapter SPI writes it. */
    public static final String KEYWORD = "x-destination";

    private DestinationMarks() {}

    /** The marked properties of a config schema: property name to its kind ({@code url}, {@code host-port-list}). */
    public static Map<String, String> of(JsonNode configSchema) {
        Map<String, String> marks = new LinkedHashMap<>();
        configSchema.path("properties").properties().forEach(property -> {
            JsonNode mark = property.getValue().path(KEYWORD);
            if (mark.isTextual()) {
                marks.put(property.getKey(), mark.asText());
            }
        });
        return marks;
    }

    /**
     * The stored schema with the marks of {@code incoming} added, when the two differ in destination marks only
     * (a version published before its adapter marked them); empty when they differ in anything else. Marks are
     * only ever added, never dropped, so an older jar of the same version cannot unmark a key.
     */
    public static Optional<JsonNode> merged(JsonNode stored, JsonNode incoming) {
        if (!unmarked(stored).equals(unmarked(incoming))) {
            return Optional.empty();
        }
        JsonNode merged = stored.deepCopy();
        of(incoming)
                .forEach((name, kind) -> ((ObjectNode) merged.path("properties").path(name)).put(KEYWORD, kind));
        return Optional.of(merged);
    }

    private static JsonNode unmarked(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        copy.path("properties").forEach(property -> {
            if (property instanceof ObjectNode object) {
                object.remove(KEYWORD);
            }
        });
        return copy;
    }
}
