package io.maestro.conductor.hub.workflow;

/**
 * A loaded route that will fail for a tenant+environment that uses it (or that no tenant can use).
 *
 * @param tenant      {@code null} when the problem is not about one tenant
 * @param environment {@code null} when the problem is not about one tenant
 */
public record WorkflowProblem(
        String route, String tenant, String environment, String endpoint, String code, String why) {}
