package io.maestro.conductor.hub.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where conductor events go: {@code conductor.events.instance} names the event-bus instance a tenant+environment
 * installs to receive them (default {@code events}); a tenant without one gets none.
 *
 * @param instance the instance name
 */
@ConfigurationProperties("conductor.events")
public record ConductorEventsProperties(String instance) {

    public ConductorEventsProperties {
        instance = instance == null || instance.isBlank() ? "events" : instance;
    }
}
