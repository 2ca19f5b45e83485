package io.maestro.conductor.registry.graph;

import java.io.Serializable;
import java.util.List;

/**
 * A workflow (Camel route) that uses a definition: directly ({@code definition=} parameter) or through an
 * instance name that some tenant has installed from that definition.
 *
 * @param routeId      the route
 * @param endpointUris the route's endpoints that lead to the definition
 */
public record WorkflowDependent(String routeId, List<String> endpointUris) implements Serializable {

    public WorkflowDependent {
        endpointUris = List.copyOf(endpointUris);
    }
}
