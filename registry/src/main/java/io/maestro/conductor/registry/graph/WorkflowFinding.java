package io.maestro.conductor.registry.graph;

/**
 * A problem with one endpoint of a workflow for one tenant and environment.
 *
 * @param endpointUri the endpoint as written in the route
 * @param code        stable problem code: {@code ADAPTER_NOT_INSTALLED}, {@code CATEGORY_MISMATCH},
 *                    {@code INSTANCE_PARAMETER_MISSING}, {@code ADAPTER_DISABLED}
 * @param why         a sentence for the operator
 */
public record WorkflowFinding(String endpointUri, String code, String why) {}
