package io.maestro.conductor.registry.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.Serializable;
import java.time.Instant;

/**
 * An adapter installed for one tenant and environment. {@code config} holds secret fields only as
 * {@code secret:<name>} references, so it is safe to show, log and diff.
 */
public record AdapterInstance(
        String tenant,
        String environment,
        String name,
        String definitionName,
        String definitionVersion,
        AdapterCategory category,
        JsonNode config,
        String region,
        InstanceState state,
        long configVersion,
        Instant createdAt,
        Instant updatedAt) implements Serializable {

    public String definitionCoordinates() {
        return definitionName + "@" + definitionVersion;
    }
}
