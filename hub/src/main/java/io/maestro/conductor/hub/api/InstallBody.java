package io.maestro.conductor.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.registry.InstallRequest;

/** Body of an install: which definition (newest version unless given), its config and region. */
public record InstallBody(String definition, String version, JsonNode config, String region) {

    public InstallRequest request() {
        return new InstallRequest(definition, version, config, region);
    }
}
