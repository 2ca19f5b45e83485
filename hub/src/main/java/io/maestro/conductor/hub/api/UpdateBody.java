package io.maestro.conductor.hub.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of an update. {@code configVersion} is the version the caller last read (or send it as
 * {@code If-Match}); {@code region} and {@code state} stay as they are when left out.
 */
public record UpdateBody(Long configVersion, JsonNode config, String region, String state) {
}
