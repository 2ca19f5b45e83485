package io.maestro.conductor.hub.health;

import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.graph.EndpointRef;
import io.maestro.conductor.registry.graph.WorkflowDependent;
import io.maestro.conductor.registry.model.AdapterDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which workflows an instance's failure impacts, from the registry's dependents graph: the routes whose endpoints
 * name the instance ({@code <scheme>:<op>?instance=<name>}) on its category. Routes take the tenant from the
 * exchange, so a route naming {@code evidence} impacts every tenant's {@code evidence} instance of that category.
 * Built once from the graph (one map get per definition) and looked up per instance, so a health answer over many
 * instances costs a hash lookup each.
 */
public final class ImpactedWorkflows {

    private final Map<String, List<String>> byCategoryAndName;

    private ImpactedWorkflows(Map<String, List<String>> byCategoryAndName) {
        this.byCategoryAndName = byCategoryAndName;
    }

    public static ImpactedWorkflows none() {
        return new ImpactedWorkflows(Map.of());
    }

    public static ImpactedWorkflows from(Registry registry) {
        Map<String, TreeSet<String>> found = new HashMap<>();
        for (AdapterDefinition definition : registry.definitions()) {
            String category = definition.category().id();
            for (WorkflowDependent dependent : registry.dependents(definition.name())) {
                for (String uri : dependent.endpointUris()) {
                    EndpointRef.parse(uri)
                            .filter(ref -> ref.instance() != null)
                            .ifPresent(ref -> found.computeIfAbsent(key(category, ref.instance()), k -> new TreeSet<>())
                                    .add(dependent.routeId()));
                }
            }
        }
        Map<String, List<String>> index = new HashMap<>();
        found.forEach((key, routes) -> index.put(key, List.copyOf(routes)));
        return new ImpactedWorkflows(index);
    }

    /** For tests and benchmarks: route ids by {@code category/instanceName}. */
    public static ImpactedWorkflows of(Map<String, List<String>> byCategoryAndName) {
        return new ImpactedWorkflows(Map.copyOf(byCategoryAndName));
    }

    /** The route ids that use instance {@code name} of {@code category}, sorted; empty when none. */
    public List<String> routes(String category, String name) {
        return byCategoryAndName.getOrDefault(key(category, name), List.of());
    }

    public static String key(String category, String name) {
        return category + "/" + name;
    }
}
