package io.maestro.conductor.hub.workflow;

import io.maestro.conductor.hub.adapter.CamelOperationCatalog;
import io.maestro.conductor.registry.Registry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Once Camel has started the routes of {@code routes/}, indexes their endpoints in the registry (for
 * the dependents query) and validates them against the tenants that use them. Problems are logged
 * as WARN and kept for the {@code workflows} health details; they never stop the hub, because one
 * tenant's missing adapter must not take every other tenant's workflows down.
 */
@Component
public class WorkflowStartupCheck implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkflowStartupCheck.class);

    private final Registry registry;
    private volatile WorkflowReport report = WorkflowReport.notYetChecked();

    public WorkflowStartupCheck(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // Routes are not loaded yet; everything happens after start.
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        Map<String, List<String>> endpoints = LoadedRoutes.endpointsByRoute(camelContext);
        registry.indexRoutes(endpoints);
        WorkflowReport checked = new WorkflowChecker(
                        registry, new CamelOperationCatalog(camelContext), Clock.systemUTC())
                .check(endpoints);
        for (WorkflowProblem p : checked.problems()) {
            log.atWarn()
                    .addKeyValue("event", "workflow_problem")
                    .addKeyValue("route", p.route())
                    .addKeyValue("tenant", p.tenant())
                    .addKeyValue("environment", p.environment())
                    .addKeyValue("endpoint", p.endpoint())
                    .addKeyValue("code", p.code())
                    .log(
                            "event=workflow_problem route={} tenant={} environment={} endpoint={} code={} why={}",
                            p.route(),
                            p.tenant(),
                            p.environment(),
                            p.endpoint(),
                            p.code(),
                            p.why());
        }
        log.info(
                "event=workflows_checked routes={} adapterRoutes={} problems={}",
                checked.routes(),
                checked.adapterRoutes(),
                checked.problems().size());
        report = checked;
    }

    public WorkflowReport report() {
        return report;
    }
}
