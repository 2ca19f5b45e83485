package io.maestro.conductor.devkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.devkit.Violation;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the manifest schema cannot say: secret-field rules over the config schema, and cross-field consistency. */
final class ManifestRules {

    private static final List<String> VALUE_KEYWORDS = List.of("default", "const", "enum", "examples");

    private ManifestRules() {}

    /**
     * A field named like a credential must be marked secret (into {@code unmarked}); a secret field holds a {@code
     * secret:<name>} reference, so it is a string and carries no value of its own (into {@code violations}).
     * Walks only what is there, so it is safe on a manifest that failed the schema.
     */
    static void checkSecretFields(JsonNode schema, List<Violation> unmarked, List<Violation> violations) {
        walk(schema, "/configSchema", unmarked, violations);
    }

    private static void walk(JsonNode schema, String at, List<Violation> unmarked, List<Violation> out) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String pointer = at + "/properties/" + escape(field.getKey());
                JsonNode property = field.getValue();
                if (isSecret(property)) {
                    checkSecret(property, pointer, out);
                } else if (CredentialNames.looksLikeCredential(field.getKey())) {
                    unmarked.add(new Violation(
                            pointer, "named like a credential: mark it secret (format: password, or x-secret: true)"));
                } else {
                    walk(property, pointer, unmarked, out);
                }
            }
        }
        walk(schema.path("items"), at + "/items", unmarked, out);
    }

    static boolean isSecret(JsonNode property) {
        return "password".equals(property.path("format").asText())
                || property.path("x-secret").asBoolean(false);
    }

    private static void checkSecret(JsonNode property, String pointer, List<Violation> out) {
        if (!"string".equals(property.path("type").asText())) {
            out.add(new Violation(pointer, "a secret field holds a secret:<name> reference: type string"));
        }
        for (String keyword : VALUE_KEYWORDS) {
            if (property.has(keyword)) {
                out.add(new Violation(
                        pointer + "/" + keyword, "a secret field carries no value of its own (" + keyword + ")"));
            }
        }
    }

    /** Required config fields exist, operations are unique, breaking changes are not from the future. */
    static void checkConsistency(JsonNode tree, List<Violation> out) {
        JsonNode config = tree.path("configSchema");
        int index = 0;
        for (JsonNode required : config.path("required")) {
            if (!config.path("properties").has(required.asText())) {
                out.add(new Violation(
                        "/configSchema/required/" + index, "names a field that configSchema.properties lacks"));
            }
            index++;
        }
        Set<String> operations = new HashSet<>();
        index = 0;
        for (JsonNode operation : tree.path("operations")) {
            if (!operations.add(operation.path("name").asText())) {
                out.add(new Violation("/operations/" + index + "/name", "operation declared twice"));
            }
            index++;
        }
        int[] version = SemVer.parse(tree.path("version").asText());
        tree.path("releases").path("breakingChanges").fieldNames().forEachRemaining(breaking -> {
            if (SemVer.compare(SemVer.parse(breaking), version) > 0) {
                out.add(new Violation(
                        "/releases/breakingChanges/" + escape(breaking), "is newer than the manifest's version"));
            }
        });
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
