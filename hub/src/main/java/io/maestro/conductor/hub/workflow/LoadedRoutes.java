package io.maestro.conductor.hub.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;

/** The endpoint URIs of every route the CamelContext has loaded, read from its route model. */
public final class LoadedRoutes {

    private LoadedRoutes() {}

    /** routeId → every static endpoint URI it consumes from or sends to, in route order. */
    public static Map<String, List<String>> endpointsByRoute(CamelContext camelContext) {
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        Model model = camelContext.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            endpoints.put(
                    route.getRouteId(),
                    new ArrayList<>(
                            RouteDefinitionHelper.gatherAllStaticEndpointUris(camelContext, route, true, true)));
        }
        return endpoints;
    }
}
