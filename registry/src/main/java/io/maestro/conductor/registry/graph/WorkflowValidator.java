package io.maestro.conductor.registry.graph;

import io.maestro.conductor.registry.cache.InstanceSet;
import io.maestro.conductor.registry.model.AdapterInstance;
import io.maestro.conductor.registry.model.InstanceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a workflow's adapter endpoints: that each names an operation its adapter has (so Camel can create the
 * endpoint) and an instance one tenant+environment has installed and enabled, of the endpoint's category. An endpoint
 * that names a tenant or environment itself (a consumer such as {@code eventbus:subscribe?tenant=...}, which has no
 * exchange to take them from) must name the ones validated: a workflow of one tenant cannot receive another's events.
 */
public final class WorkflowValidator {

    private WorkflowValidator() {}

    public static List<WorkflowFinding> check(
            String tenant,
            String environment,
            InstanceSet installed,
            List<String> endpointUris,
            OperationCatalog operations) {
        List<WorkflowFinding> findings = new ArrayList<>();
        for (String uri : endpointUris) {
            Optional<EndpointRef> parsed = EndpointRef.parse(uri);
            if (parsed.isEmpty()) {
                continue;
            }
            EndpointRef ref = parsed.get();
            Optional<Set<String>> known = operations.operations(ref.category().scheme());
            if (known.isPresent() && !known.get().contains(ref.operation())) {
                findings.add(new WorkflowFinding(
                        uri,
                        "OPERATION_UNKNOWN",
                        ref.category().scheme() + " has no operation '" + ref.operation() + "'; use one of "
                                + String.join(", ", new TreeSet<>(known.get()))));
                continue;
            }
            if (ref.tenant() != null && !ref.tenant().equals(tenant)) {
                findings.add(new WorkflowFinding(
                        uri,
                        "TENANT_MISMATCH",
                        "the endpoint receives for tenant '" + ref.tenant() + "'; a workflow of tenant '" + tenant
                                + "' may only name its own"));
                continue;
            }
            if (ref.tenant() != null
                    && ref.environment() != null
                    && !ref.environment().equals(environment)) {
                findings.add(new WorkflowFinding(
                        uri,
                        "ENVIRONMENT_MISMATCH",
                        "the endpoint names environment '" + ref.environment() + "', not '" + environment + "'"));
                continue;
            }
            if (ref.instance() == null || ref.instance().isBlank()) {
                findings.add(new WorkflowFinding(
                        uri,
                        "INSTANCE_PARAMETER_MISSING",
                        "adapter endpoints name the instance to use with ?instance=<name>"));
                continue;
            }
            AdapterInstance instance = installed.byName().get(ref.instance());
            if (instance == null) {
                findings.add(new WorkflowFinding(
                        uri,
                        "ADAPTER_NOT_INSTALLED",
                        "tenant '" + tenant
                                + "' has no " + ref.category().id() + " instance '" + ref.instance()
                                + "' in environment '"
                                + environment + "'"));
            } else if (instance.category() != ref.category()) {
                findings.add(new WorkflowFinding(
                        uri,
                        "CATEGORY_MISMATCH",
                        "instance '" + ref.instance()
                                + "' is a " + instance.category().id() + " adapter (" + instance.definitionCoordinates()
                                + "), not " + ref.category().id()));
            } else if (instance.state() != InstanceState.ACTIVE) {
                findings.add(new WorkflowFinding(
                        uri,
                        "ADAPTER_DISABLED",
                        "instance '" + ref.instance() + "' of tenant '" + tenant + "' in '" + environment + "' is "
                                + instance.state()));
            }
        }
        return findings;
    }
}
