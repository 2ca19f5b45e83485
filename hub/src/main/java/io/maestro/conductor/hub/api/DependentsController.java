package io.maestro.conductor.hub.api;

import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.graph.WorkflowDependent;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which workflows (loaded Camel routes) use a definition through any tenant's instance. It spans
 * tenants, so only the operator may ask (see SecurityConfiguration).
 */
@RestController
public class DependentsController {

    private final Registry registry;

    public DependentsController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/adapters/{definition}/dependents")
    public List<WorkflowDependent> dependents(@PathVariable String definition) {
        return registry.dependents(definition);
    }
}
