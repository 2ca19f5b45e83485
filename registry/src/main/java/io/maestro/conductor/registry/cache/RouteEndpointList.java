package io.maestro.conductor.registry.cache;

import java.io.Serializable;
import java.util.List;

/** The endpoint URIs of one route. */
public record RouteEndpointList(List<String> uris) implements Serializable {

    public RouteEndpointList {
        uris = List.copyOf(uris);
    }
}
