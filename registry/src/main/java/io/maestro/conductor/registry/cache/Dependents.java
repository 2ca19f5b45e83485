package io.maestro.conductor.registry.cache;

import io.maestro.conductor.registry.graph.WorkflowDependent;
import java.io.Serializable;
import java.util.List;

/** The workflows that use one definition, pre-computed so the query is one map get. */
public record Dependents(List<WorkflowDependent> workflows) implements Serializable {

    public Dependents {
        workflows = List.copyOf(workflows);
    }
}
