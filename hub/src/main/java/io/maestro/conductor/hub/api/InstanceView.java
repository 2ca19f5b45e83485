package io.maestro.conductor.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.model.AdapterInstance;
import java.time.Instant;

/** An installed adapter instance; its config holds secrets only as {@code secret:<name>} references. */
public record InstanceView(
        String tenant,
        String environment,
        String name,
        String definition,
        String definitionVersion,
        String category,
        JsonNode config,
        String region,
        String state,
        long configVersion,
        Instant createdAt,
        Instant updatedAt) {

    static InstanceView of(AdapterInstance i) {
        return new InstanceView(
                i.tenant(),
                i.environment(),
                i.name(),
                i.definitionName(),
                i.definitionVersion(),
                i.category().id(),
                i.config(),
                i.region(),
                i.state().name(),
                i.configVersion(),
                i.createdAt(),
                i.updatedAt());
    }
}
