package io.maestro.conductor.adapter.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One adapter definition as its adapter declares it, in Java beside the code that serves it. The build writes it
 * to the adapter jar's {@code META-INF/conductor/adapter-definitions.yaml} ({@link DefinitionGenerator}), which
 * the registry publishes at start: the definition ships with the adapter, its config schema from {@code config}.
 *
 * @param category registry category id, e.g. {@code storage}
 */
public record AdapterDefinitionSpec(
        String name,
        String version,
        String category,
        String owner,
        String description,
        String riskLevel,
        String dataSensitivity,
        boolean requiresApproval,
        List<String> supportedRegions,
        List<String> capabilities,
        InstanceConfigDef config) {

    public AdapterDefinitionSpec {
        Objects.requireNonNull(config, "config");
        supportedRegions = List.copyOf(supportedRegions);
        capabilities = List.copyOf(capabilities);
    }

    /** The definition in the registry's YAML format (tenant-config/README.md). */
    public ObjectNode toNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", name)
                .put("version", version)
                .put("category", category)
                .put("owner", owner)
                .put("description", description);
        node.putObject("risk")
                .put("riskLevel", riskLevel)
                .put("dataSensitivity", dataSensitivity)
                .put("requiresApproval", requiresApproval);
        supportedRegions.forEach(node.putArray("supportedRegions")::add);
        capabilities.forEach(node.putArray("capabilities")::add);
        node.set("configSchema", config.jsonSchema());
        return node;
    }
}
