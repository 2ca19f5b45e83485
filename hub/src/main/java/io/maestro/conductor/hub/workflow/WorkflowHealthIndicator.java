package io.maestro.conductor.hub.workflow;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code workflows}: always UP (a route that fails for one tenant must not mark the
 * whole hub down), with the start-up check's problems in its details.
 */
@Component("workflows")
public class WorkflowHealthIndicator extends AbstractHealthIndicator {

    private final WorkflowStartupCheck check;

    public WorkflowHealthIndicator(WorkflowStartupCheck check) {
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        WorkflowReport report = check.report();
        builder.up()
                .withDetail(
                        "checkedAt",
                        report.checkedAt() == null
                                ? "not yet"
                                : report.checkedAt().toString())
                .withDetail("routes", report.routes())
                .withDetail("adapterRoutes", report.adapterRoutes())
                .withDetail("problems", report.problems());
    }
}
