package io.maestro.conductor.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Install an instance of a definition.
 *
 * @param definition        definition name, e.g. {@code s3-storage}
 * @param definitionVersion exact version, or {@code null} for the newest
 * @param config            config object; secret fields as {@code secret:<name>}
 * @param region            where the instance keeps or sends data, e.g. {@code eu-west-1}
 */
public record InstallRequest(String definition, String definitionVersion, JsonNode config, String region) {}
