package io.maestro.conductor.hub.onboarding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The onboarding workflow's settings ({@code conductor.onboarding.*}; {@code routes/onboarding.yaml} reads them as
 * placeholders).
 *
 * @param redeliveries       redeliveries of a step that failed transiently, before the run is dead-lettered
 * @param redeliveryDelayMs  the first redelivery's delay, doubling
 * @param welcomeInstance    the {@code notify:} instance a tenant+environment installs to welcome new users (e-mail
 *                           or webhook, event {@code user.welcome}); a tenant without one gets the log line only
 */
@ConfigurationProperties(prefix = "conductor.onboarding")
public record OnboardingProperties(
        @DefaultValue("3") int redeliveries,
        @DefaultValue("500") long redeliveryDelayMs,
        @DefaultValue("welcome") String welcomeInstance) {}
