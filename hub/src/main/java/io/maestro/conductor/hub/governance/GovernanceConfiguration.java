package io.maestro.conductor.hub.governance;

import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.policy.pdp.PolicyDecisionPoint;
import io.maestro.conductor.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lifecycle governance. The decision ring needs the registry's schema (V80), so it waits for the registry. */
@Configuration(proxyBeanMethods = false)
public class GovernanceConfiguration {

    @Bean
    LifecycleDecisionLog lifecycleDecisionLog(DataSource dataSource, Registry migrated, GovernanceProperties settings) {
        return new LifecycleDecisionLog(dataSource, settings.decisionRingSize(), Clock.systemUTC());
    }

    /** {@code conductor.governance.simulations-dir}, else beside the tenant config like the policy bundles. */
    @Bean
    SimulationSuites simulationSuites(GovernanceProperties settings, ConductorProperties conductor) {
        Path dir = settings.simulationsDir() != null
                ? settings.simulationsDir()
                : conductor
                        .tenantConfigDir()
                        .toAbsolutePath()
                        .normalize()
                        .getParent()
                        .resolve("governance-policies")
                        .resolve("simulations");
        return new SimulationSuites(dir);
    }

    @Bean
    LifecycleGate lifecycleGate(PolicyDecisionPoint decisions, LifecycleDecisionLog log, MeterRegistry meters) {
        return new LifecycleGate(decisions, log, meters);
    }
}
