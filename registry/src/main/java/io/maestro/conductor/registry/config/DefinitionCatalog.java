package io.maestro.conductor.registry.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.cache.SemVer;
import io.maestro.conductor.registry.model.AdapterCategory;
import io.maestro.conductor.registry.model.AdapterDefinition;
import io.maestro.conductor.registry.model.RiskPosture;
import io.maestro.conductor.registry.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Adapter definitions written in YAML ({@code definitions:} list; format in tenant-config/README.md).
 * Every jar may ship its own {@value #CLASSPATH_RESOURCE}; all of them are published at start.
 */
public final class DefinitionCatalog {

    public static final String CLASSPATH_RESOURCE = "META-INF/conductor/adapter-definitions.yaml";

    private static final Set<String> RISK_LEVELS = Set.of("low", "medium", "high", "critical");
    private static final Set<String> SENSITIVITIES = Set.of("public", "internal", "confidential", "restricted");

    private DefinitionCatalog() {}

    public static List<AdapterDefinition> fromClasspath() {
        try {
            List<AdapterDefinition> all = new ArrayList<>();
            for (URL url :
                    Collections.list(DefinitionCatalog.class.getClassLoader().getResources(CLASSPATH_RESOURCE))) {
                all.addAll(read(url.openStream(), url.toString()));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE, e);
        }
    }

    public static List<AdapterDefinition> read(InputStream in, String source) {
        JsonNode root = ConfigYaml.read(in, source);
        JsonNode list = root.path("definitions");
        if (!list.isArray()) {
            throw ConfigYaml.invalid(source, "'definitions' must be a list");
        }
        List<AdapterDefinition> definitions = new ArrayList<>();
        for (JsonNode node : list) {
            String where = source + " definition '" + node.path("name").asText("?") + "'";
            JsonNode risk = node.path("risk");
            AdapterDefinition definition = new AdapterDefinition(
                    ConfigYaml.text(node, "name", where),
                    ConfigYaml.text(node, "version", where),
                    AdapterCategory.fromId(ConfigYaml.text(node, "category", where))
                            .orElseThrow(() -> ConfigYaml.invalid(
                                    where,
                                    "unknown category '" + node.path("category").asText() + "'")),
                    ConfigYaml.text(node, "owner", where),
                    ConfigYaml.text(node, "description", where),
                    new RiskPosture(
                            ConfigYaml.text(risk, "riskLevel", where),
                            ConfigYaml.text(risk, "dataSensitivity", where),
                            risk.path("requiresApproval").asBoolean(false)),
                    // through JSON text, so a definition read from YAML equals the same one read back from SQL
                    Json.parse(Json.write(node.path("configSchema"))),
                    strings(node.path("supportedRegions")),
                    strings(node.path("capabilities")));
            definitions.add(definition);
        }
        definitions.forEach(DefinitionCatalog::check);
        return definitions;
    }

    /** Refuses a definition the registry could not serve. */
    public static void check(AdapterDefinition d) {
        String where = "adapter definition " + d.coordinates();
        if (!SemVer.isValid(d.version())) {
            throw ConfigYaml.invalid(where, "version must be a semantic version (1.2.3)");
        }
        if (!RISK_LEVELS.contains(d.risk().riskLevel())) {
            throw ConfigYaml.invalid(where, "riskLevel must be one of " + RISK_LEVELS);
        }
        if (!SENSITIVITIES.contains(d.risk().dataSensitivity())) {
            throw ConfigYaml.invalid(where, "dataSensitivity must be one of " + SENSITIVITIES);
        }
        if (!d.configSchema().isObject()
                || !"object".equals(d.configSchema().path("type").asText())) {
            throw ConfigYaml.invalid(where, "configSchema must be a JSON Schema with type: object");
        }
        if (d.supportedRegions().isEmpty()) {
            throw ConfigYaml.invalid(where, "supportedRegions must list at least one region");
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }
}
