package io.maestro.conductor.hub.workflow;

import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.graph.EndpointRef;
import io.maestro.conductor.registry.graph.OperationCatalog;
import io.maestro.conductor.registry.graph.WorkflowFinding;
import io.maestro.conductor.registry.model.Tenant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates routes against the tenants that use them. A tenant+environment uses a route when it has
 * installed at least one instance the route's adapter endpoints name (the tenant itself arrives in a
 * header at run time, so the instance names are the only link); every other adapter endpoint of
 * the route must then resolve there too. A route whose consumer names its tenant ({@code from:
 * eventbus:subscribe?tenant=acme&environment=prod...}) runs for that tenant (and environment) only, so
 * only that namespace uses it, whatever other tenants have installed. A route with adapter endpoints
 * that no tenant uses is reported as well, since it can only fail.
 */
public final class WorkflowChecker {

    static final String NO_TENANT_USES_ROUTE = "NO_TENANT_INSTALLED";

    private final Registry registry;
    private final OperationCatalog operations;
    private final Clock clock;

    public WorkflowChecker(Registry registry, OperationCatalog operations, Clock clock) {
        this.registry = registry;
        this.operations = operations;
        this.clock = clock;
    }

    public WorkflowReport check(Map<String, List<String>> endpointsByRoute) {
        List<WorkflowProblem> problems = new ArrayList<>();
        int adapterRoutes = 0;
        List<Tenant> tenants = registry.tenants();
        for (Map.Entry<String, List<String>> route : endpointsByRoute.entrySet()) {
            List<EndpointRef> adapterEndpoints = route.getValue().stream()
                    .map(EndpointRef::parse)
                    .flatMap(Optional::stream)
                    .toList();
            if (adapterEndpoints.isEmpty()) {
                continue;
            }
            adapterRoutes++;
            boolean used = false;
            for (Tenant tenant : tenants) {
                for (String env : tenant.environments()) {
                    if (uses(tenant.id(), env, adapterEndpoints)) {
                        used = true;
                        for (WorkflowFinding f :
                                registry.validateEndpoints(tenant.id(), env, route.getValue(), operations)) {
                            problems.add(new WorkflowProblem(
                                    route.getKey(), tenant.id(), env, f.endpointUri(), f.code(), f.why()));
                        }
                    }
                }
            }
            if (!used) {
                problems.add(new WorkflowProblem(
                        route.getKey(),
                        null,
                        null,
                        adapterEndpoints.get(0).uri(),
                        NO_TENANT_USES_ROUTE,
                        "no tenant has installed any adapter instance this route names"));
            }
        }
        return new WorkflowReport(clock.instant(), endpointsByRoute.size(), adapterRoutes, problems);
    }

    private boolean uses(String tenant, String env, List<EndpointRef> adapterEndpoints) {
        List<EndpointRef> pinned =
                adapterEndpoints.stream().filter(ref -> ref.tenant() != null).toList();
        if (!pinned.isEmpty()) {
            return pinned.stream()
                    .anyMatch(ref -> ref.tenant().equals(tenant)
                            && (ref.environment() != null
                                    ? ref.environment().equals(env)
                                    : ref.instance() != null
                                            && registry.instance(tenant, env, ref.instance())
                                                    .isPresent()));
        }
        return adapterEndpoints.stream()
                .map(EndpointRef::instance)
                .filter(Objects::nonNull)
                .anyMatch(instance -> registry.instance(tenant, env, instance).isPresent());
    }
}
