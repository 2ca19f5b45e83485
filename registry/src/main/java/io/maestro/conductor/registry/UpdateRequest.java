package io.maestro.conductor.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.model.InstanceState;

/**
 * Replace an instance's config (optimistic concurrency: refused with {@code CONFIG_VERSION_CONFLICT}
 * unless {@code expectedConfigVersion} is the current one).
 *
 * @param config the whole new config
 * @param region new region, or {@code null} to keep it
 * @param state  new state, or {@code null} to keep it
 * @param definitionVersion another version of the instance's definition to move to, or {@code null} to keep it
 */
public record UpdateRequest(
        long expectedConfigVersion, JsonNode config, String region, InstanceState state, String definitionVersion) {

    public UpdateRequest(long expectedConfigVersion, JsonNode config, String region, InstanceState state) {
        this(expectedConfigVersion, config, region, state, null);
    }
}
