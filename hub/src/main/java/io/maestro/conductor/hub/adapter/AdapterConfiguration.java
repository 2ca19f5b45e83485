package io.maestro.conductor.hub.adapter;

import io.maestro.conductor.adapter.governance.GovernanceDenialListener;
import io.maestro.conductor.adapter.governance.GovernanceGate;
import io.maestro.conductor.adapter.governance.PolicyGovernanceGate;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.adapter.registry.RegistryInstanceResolver;
import io.maestro.conductor.adapter.registry.RegistrySecretResolver;
import io.maestro.conductor.adapter.secret.SecretResolver;
import io.maestro.conductor.hub.governance.GovernanceProperties;
import io.maestro.conductor.policy.pdp.PolicyDecisionPoint;
import io.maestro.conductor.registry.Registry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every adapter component on the hub finds in the registry (each binds the single bean of each type, see
 * {@code AdapterComponent}): instances and secrets from the registry, and the governance gate over the hub's policy
 * decision point, governed per category by {@link GovernanceProperties}. Every {@link GovernanceDenialListener} bean
 * hears of every deny (the residency recorder is one).
 */
@Configuration(proxyBeanMethods = false)
public class AdapterConfiguration {

    @Bean
    InstanceResolver instanceResolver(Registry registry) {
        return new RegistryInstanceResolver(registry);
    }

    @Bean
    SecretResolver secretResolver(Registry registry) {
        return new RegistrySecretResolver(registry.secrets());
    }

    /** For alerting on the same thing the {@code adapters} health component shows. */
    @Bean
    MeterBinder adapterInstancesDown(CamelContext camel) {
        return meters -> Gauge.builder("conductor.adapter.instances.down", camel, AdapterInstances::down)
                .description("Adapter instances whose last call failed with an instance fault (see health 'adapters')")
                .register(meters);
    }

    @Bean
    GovernanceGate governanceGate(
            PolicyDecisionPoint policyDecisionPoint,
            GovernanceProperties governance,
            ObjectProvider<GovernanceDenialListener> listeners) {
        List<GovernanceDenialListener> ordered = listeners.orderedStream().toList();
        return new PolicyGovernanceGate(policyDecisionPoint, governance.policies(), ordered);
    }
}
