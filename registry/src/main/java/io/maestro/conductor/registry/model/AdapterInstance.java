package io.maestro.conductor.registry.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.time.Instant;

/**
 * An adapter installed for one tenant and environment. {@code config} holds secret fields only as
 * {@code secret:<name>} references, so it is safe to show, log and diff. Immutable.
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
        Instant updatedAt)
        implements Serializable {

    /** A copy: instances are shared by every reader of the registry's near cache, so they must not change. */
    @Override
    public JsonNode config() {
        return config.deepCopy();
    }

    public String definitionCoordinates() {
        return definitionName + "@" + definitionVersion;
    }
}
