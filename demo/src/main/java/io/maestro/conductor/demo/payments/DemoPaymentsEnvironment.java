package io.maestro.conductor.demo.payments;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Names the demo's billing instance in {@code conductor.billing.instance} (the hub's default is empty: billing
 * off), as the lowest-precedence source, so any configured value wins; not under {@code production} nor with the
 * demo payments switched off.
 */
public class DemoPaymentsEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "conductor-demo-payments";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("production");
        boolean enabled = environment.getProperty("conductor.demo.payments.enabled", Boolean.class, true);
        if (production || !enabled) {
            return;
        }
        String instance = environment.getProperty("conductor.demo.payments.tenant", "atlas") + "/"
                + environment.getProperty("conductor.demo.payments.environment", "dev") + "/"
                + environment.getProperty("conductor.demo.payments.instance", "billing");
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(SOURCE, Map.of("conductor.billing.instance", instance)));
    }
}
