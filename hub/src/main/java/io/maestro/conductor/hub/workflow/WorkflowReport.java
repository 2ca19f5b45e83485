package io.maestro.conductor.hub.workflow;

import java.time.Instant;
import java.util.List;

/** What the start-up check of the loaded routes found; shown in the {@code workflows} health details. */
public record WorkflowReport(Instant checkedAt, int routes, int adapterRoutes, List<WorkflowProblem> problems) {

    public WorkflowReport {
        problems = List.copyOf(problems);
    }

    public static WorkflowReport notYetChecked() {
        return new WorkflowReport(null, 0, 0, List.of());
    }
}
