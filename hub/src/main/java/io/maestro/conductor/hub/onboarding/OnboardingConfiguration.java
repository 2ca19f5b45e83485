package io.maestro.conductor.hub.onboarding;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code routes/onboarding.yaml} names. */
@Configuration(proxyBeanMethods = false)
public class OnboardingConfiguration {

    @Bean
    OnboardingWorkflow onboardingWorkflow(
            Registry registry, MeterRegistry meters, ObjectMapper json, OnboardingProperties settings) {
        return new OnboardingWorkflow(registry.receipts(), meters, json, registry, settings.welcomeInstance());
    }
}
