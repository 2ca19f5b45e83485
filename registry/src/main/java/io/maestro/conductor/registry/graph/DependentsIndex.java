package io.maestro.conductor.registry.graph;

import com.hazelcast.map.IMap;
import io.maestro.conductor.registry.cache.DefinitionVersions;
import io.maestro.conductor.registry.cache.Dependents;
import io.maestro.conductor.registry.cache.InstanceNames;
import io.maestro.conductor.registry.cache.RouteEndpointList;
import io.maestro.conductor.registry.model.AdapterCategory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the pre-joined "which workflows use this definition" map current. A route depends on a
 * definition when one of its endpoints has the definition's category as scheme and names, in
 * {@code instance=}, an instance some tenant installed from that definition. Recomputed on writes
 * (routes indexed, instance names of a definition changed), so the query itself is one map get.
 */
public final class DependentsIndex {

    private final IMap<String, RouteEndpointList> routes;
    private final IMap<String, Dependents> dependents;
    private final IMap<String, InstanceNames> instanceNames;
    private final IMap<String, DefinitionVersions> definitions;

    public DependentsIndex(
            IMap<String, RouteEndpointList> routes,
            IMap<String, Dependents> dependents,
            IMap<String, InstanceNames> instanceNames,
            IMap<String, DefinitionVersions> definitions) {
        this.routes = routes;
        this.dependents = dependents;
        this.instanceNames = instanceNames;
        this.definitions = definitions;
    }

    public List<WorkflowDependent> dependents(String definitionName) {
        Dependents found = dependents.get(definitionName);
        return found == null ? List.of() : found.workflows();
    }

    /** Replaces the route index with {@code routeEndpoints} and recomputes every definition's dependents. */
    public void indexRoutes(Map<String, List<String>> routeEndpoints) {
        Map<String, RouteEndpointList> next = new LinkedHashMap<>();
        routeEndpoints.forEach((id, uris) -> next.put(id, new RouteEndpointList(uris)));
        Set<String> stale = new HashSet<>(routes.keySet());
        stale.removeAll(next.keySet());
        stale.forEach(routes::delete);
        routes.putAll(next);
        definitions.keySet().forEach(this::recompute);
    }

    /** Recomputes one definition's dependents from the route index and its instance names. */
    public void recompute(String definitionName) {
        DefinitionVersions versions = definitions.get(definitionName);
        InstanceNames names = instanceNames.get(definitionName);
        if (versions == null || names == null) {
            dependents.delete(definitionName);
            return;
        }
        AdapterCategory category = versions.newest().category();
        List<WorkflowDependent> found = new ArrayList<>();
        for (Map.Entry<String, RouteEndpointList> route : routes.entrySet()) {
            List<String> matching = new ArrayList<>();
            for (String uri : route.getValue().uris()) {
                EndpointRef.parse(uri)
                        .filter(ref -> ref.category() == category
                                && ref.instance() != null
                                && names.names().contains(ref.instance()))
                        .ifPresent(ref -> matching.add(uri));
            }
            if (!matching.isEmpty()) {
                found.add(new WorkflowDependent(route.getKey(), matching));
            }
        }
        found.sort(java.util.Comparator.comparing(WorkflowDependent::routeId));
        dependents.set(definitionName, new Dependents(found));
    }
}
