package io.maestro.conductor.devkit.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest that passed {@link ManifestValidator}: typed reads of what the tools and the hub need, over the
 * validated tree.
 */
public record AdapterManifest(JsonNode tree) {

    public String name() {
        return tree.path("name").asText();
    }

    public String version() {
        return tree.path("version").asText();
    }

    public String category() {
        return tree.path("category").asText();
    }

    public String scheme() {
        return tree.path("component").path("scheme").asText();
    }

    public String componentClass() {
        return tree.path("component").path("className").asText();
    }

    public String riskLevel() {
        return tree.path("risk").path("riskLevel").asText();
    }

    public JsonNode configSchema() {
        return tree.path("configSchema");
    }

    public List<String> operations() {
        return texts(tree.path("operations"), "name");
    }

    /** Declared permissions as {@code kind} or {@code kind:target}. */
    public List<String> permissions() {
        List<String> permissions = new ArrayList<>();
        tree.path("permissions")
                .forEach(p -> permissions.add(p.path("kind").asText()
                        + (p.has("target") ? ":" + p.path("target").asText() : "")));
        return permissions;
    }

    /** Declared libraries as {@code group:artifact:version}. */
    public List<String> dependencies() {
        return texts(tree.path("dependencies"), null);
    }

    /** The registry definition this manifest publishes, in the registry's definitions format. */
    public ObjectNode toDefinition() {
        ObjectNode definition = JsonNodeFactory.instance.objectNode();
        definition
                .put("name", name())
                .put("version", version())
                .put("category", category())
                .put("owner", tree.path("owner").path("name").asText())
                .put("description", tree.path("description").asText());
        definition
                .putObject("risk")
                .put("riskLevel", riskLevel())
                .put(
                        "dataSensitivity",
                        tree.path("risk").path("dataSensitivity").asText())
                .put(
                        "requiresApproval",
                        tree.path("risk").path("requiresApproval").asBoolean(false));
        definition.set("supportedRegions", tree.path("supportedRegions").deepCopy());
        definition.set("capabilities", tree.path("capabilities").deepCopy());
        definition.set("configSchema", configSchema().deepCopy());
        return definition;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item ->
                values.add(field == null ? item.asText() : item.path(field).asText()));
        return values;
    }
}
