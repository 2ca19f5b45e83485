package io.maestro.conductor.hub.governance;

import io.maestro.conductor.policy.pdp.PolicyDecisionPoint;
import io.maestro.conductor.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lifecycle governance. The decision ring needs the registry's schema (V60), so it waits for the registry. */
@Configuration(proxyBeanMethods = false)
public class GovernanceConfiguration {

    @Bean
    LifecycleDecisionLog lifecycleDecisionLog(DataSource dataSource, Registry migrated, GovernanceProperties settings) {
        return new LifecycleDecisionLog(dataSource, settings.decisionRingSize(), Clock.systemUTC());
    }

    @Bean
    LifecycleGate lifecycleGate(PolicyDecisionPoint decisions, LifecycleDecisionLog log, MeterRegistry meters) {
        return new LifecycleGate(decisions, log, meters);
    }
}
