package io.maestro.conductor.hub.opa;

import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.policy.pdp.DecisionLog;
import io.maestro.conductor.policy.pdp.EmbeddedDecisionPoint;
import io.maestro.conductor.policy.pdp.OpaDataApi;
import io.maestro.conductor.policy.pdp.OpaDecisionPoint;
import io.maestro.conductor.policy.pdp.PolicyDecisionPoint;
import io.maestro.conductor.policy.pdp.PolicySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The hub's policy engine and decision point, configured under {@code conductor.policy.*} ({@link PolicyProperties}). {@code bundle-dirs} defaults to {@code residency-policies} and
 * {@code governance-policies} beside {@code conductor.tenant-config-dir}: the hub's configuration folders sit
 * side by side (the repository layout), so a deployment or test that moves one moves them all.
 *
 * <p>The embedded engine always runs: it serves the OPA Data API. The {@link PolicyDecisionPoint} the hub
 * decides with is that engine in mode {@code embedded}, or a remote OPA client on the hub's Camel context in
 * mode {@code opa}.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {
    static final List<String> DEFAULT_BUNDLES = List.of("residency-policies", "governance-policies");

    @Bean
    PolicySettings policySettings(PolicyProperties policy, ConductorProperties conductor) {
        return policy.settings(
                conductor.tenantConfigDir().toAbsolutePath().normalize().getParent());
    }

    @Bean(destroyMethod = "close")
    EmbeddedDecisionPoint embeddedDecisionPoint(PolicySettings settings, MeterRegistry meters) {
        EmbeddedDecisionPoint engine =
                EmbeddedDecisionPoint.empty(new DecisionLog(), settings.evalTimeout(), settings.decisionCacheSize());
        engine.watch(settings.bundleDirs(), settings.pollInterval());
        DecisionCacheMetrics.bind(engine, meters);
        return engine;
    }

    @Bean
    OpaDataApi opaDataApi(EmbeddedDecisionPoint engine) {
        return new OpaDataApi(engine);
    }

    /**
     * Mode {@code opa}: the hub decides through a remote OPA, on its own Camel context; this bean then wins over
     * the embedded engine wherever a {@link PolicyDecisionPoint} is injected. In mode {@code embedded} the
     * engine above is the decision point.
     */
    @Bean(destroyMethod = "close")
    @Primary
    @ConditionalOnProperty(name = "conductor.policy.mode", havingValue = OpaDecisionPoint.MODE)
    PolicyDecisionPoint opaDecisionPoint(PolicySettings settings, CamelContext camel) {
        return new OpaDecisionPoint(camel, settings.opa(), new DecisionLog());
    }
}
