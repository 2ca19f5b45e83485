package io.maestro.conductor.hub.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of an install: which definition (newest version unless given), its config and region. */
public record InstallBody(String definition, String version, JsonNode config, String region) {
}
