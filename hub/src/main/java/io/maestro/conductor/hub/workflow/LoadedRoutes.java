package io.maestro.conductor.hub.workflow;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;
import org.apache.camel.util.URISupport;

/** The endpoint URIs of every route the CamelContext has loaded, read from its route model. */
public final class LoadedRoutes {

    private static final String ENCODED_OPEN = "%7B%7B";
    private static final String ENCODED_CLOSE = "%7D%7D";

    private LoadedRoutes() {}

    /** routeId → every static endpoint URI it consumes from or sends to, in route order. */
    public static Map<String, List<String>> endpointsByRoute(CamelContext camelContext) {
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        Model model = camelContext.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            List<String> uris = new ArrayList<>();
            for (String uri : RouteDefinitionHelper.gatherAllStaticEndpointUris(camelContext, route, true, true)) {
                uris.add(resolved(camelContext, uri));
            }
            endpoints.put(route.getRouteId(), uris);
        }
        return endpoints;
    }

    /**
     * The URI with its property placeholders resolved, as the route resolves them when it starts
     * ({@code storage:put_object?instance={{conductor.evidence.instance}}}): the helper above normalizes URIs, which
     * percent-encodes a placeholder's braces. A placeholder that does not resolve leaves the URI as it is (the route
     * itself then fails to start, saying why).
     */
    private static String resolved(CamelContext camelContext, String uri) {
        if (!uri.contains(ENCODED_OPEN)) {
            return uri;
        }
        String placeholders = uri.replace(ENCODED_OPEN, "{{").replace(ENCODED_CLOSE, "}}");
        try {
            return URISupport.normalizeUri(camelContext.resolvePropertyPlaceholders(placeholders));
        } catch (URISyntaxException | RuntimeException unresolved) {
            return uri;
        }
    }
}
