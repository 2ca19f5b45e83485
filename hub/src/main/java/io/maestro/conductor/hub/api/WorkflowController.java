package io.maestro.conductor.hub.api;

import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.graph.OperationCatalog;
import io.maestro.conductor.registry.graph.WorkflowFinding;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Checks a Camel YAML workflow against what a tenant+environment has installed, before it is deployed. */
@RestController
public class WorkflowController {

    /** {@code valid} is true when no endpoint names an unknown operation or a missing, mismatched or disabled adapter. */
    public record ValidationResult(String tenant, String environment, boolean valid, List<WorkflowFinding> findings) {}

    private final Registry registry;
    private final TenantAccess access;
    private final OperationCatalog operations;

    public WorkflowController(Registry registry, TenantAccess access, OperationCatalog operations) {
        this.registry = registry;
        this.access = access;
        this.operations = operations;
    }

    @PostMapping(
            path = "/api/tenants/{tenant}/environments/{env}/workflows/validate",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    public ValidationResult validate(
            Authentication caller,
            @PathVariable String tenant,
            @PathVariable String env,
            @RequestBody String routeYaml) {
        access.require(caller, tenant);
        List<WorkflowFinding> findings = registry.validateWorkflow(tenant, env, routeYaml, operations);
        return new ValidationResult(tenant, env, findings.isEmpty(), findings);
    }
}
