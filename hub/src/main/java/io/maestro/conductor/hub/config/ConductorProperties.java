package io.maestro.conductor.hub.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the hub keeps and finds its files.
 *
 * @param dataDir         embedded database, generated keys and the operator password file
 * @param tenantConfigDir demo tenant YAML files loaded at start when {@code demoTenants} is on
 * @param demoTenants     load {@code tenantConfigDir} at start (embedded default only; production loads none)
 * @param routesDir       the Camel YAML routes loaded at start ({@code camel.main.routes-include-pattern} names it)
 */
@ConfigurationProperties("conductor")
public record ConductorProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./tenant-config") Path tenantConfigDir,
        @DefaultValue("true") boolean demoTenants,
        @DefaultValue("./routes") Path routesDir) {}
