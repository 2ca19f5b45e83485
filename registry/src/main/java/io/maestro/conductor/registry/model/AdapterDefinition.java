package io.maestro.conductor.registry.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;

/**
 * A versioned adapter kind that tenants install instances of. {@code configSchema} is a JSON Schema
 * (draft 2020-12); properties marked {@code format: password} or {@code x-secret: true} hold secrets
 * and accept only {@code secret:<name>} references.
 */
public record AdapterDefinition(
        String name,
        String version,
        AdapterCategory category,
        String owner,
        String description,
        RiskPosture risk,
        JsonNode configSchema,
        List<String> supportedRegions,
        List<String> capabilities)
        implements Serializable {

    public AdapterDefinition {
        supportedRegions = List.copyOf(supportedRegions);
        capabilities = List.copyOf(capabilities);
    }

    /** {@code name@version}, how instances name the definition they were installed from. */
    public String coordinates() {
        return name + "@" + version;
    }
}
