package io.maestro.conductor.hub.adapter;

import io.maestro.conductor.adapter.governance.GovernanceDenialListener;
import io.maestro.conductor.adapter.governance.GovernanceGate;
import io.maestro.conductor.adapter.governance.PolicyGovernanceGate;
import io.maestro.conductor.adapter.instance.InstanceResolver;
import io.maestro.conductor.adapter.registry.RegistryInstanceResolver;
import io.maestro.conductor.adapter.registry.RegistrySecretResolver;
import io.maestro.conductor.adapter.secret.SecretResolver;
import io.maestro.conductor.policy.pdp.PolicyDecisionPoint;
import io.maestro.conductor.registry.Registry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every adapter component on the hub finds in the registry (each binds the single bean of each type, see
 * {@code AdapterComponent}): instances and secrets from the registry, and the governance gate over the hub's policy
 * decision point. Residency denies are recorded by the single {@link GovernanceDenialListener}.
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

    @Bean
    GovernanceGate governanceGate(PolicyDecisionPoint policyDecisionPoint, GovernanceDenialListener denials) {
        return new PolicyGovernanceGate(policyDecisionPoint, PolicyGovernanceGate.DEFAULT_POLICIES, denials);
    }
}
