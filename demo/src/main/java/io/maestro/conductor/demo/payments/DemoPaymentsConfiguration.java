package io.maestro.conductor.demo.payments;

import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.registry.Registry;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's demo Stripe account: a Stripe sandbox the platform's billing instance (atlas/dev/billing)
 * points at, with a metered price and a webhook endpoint at this hub, so the billing sync and the webhook intake
 * run end to end. {@link DemoPaymentsEnvironment} names that instance in {@code conductor.billing.instance}. Never
 * under the {@code production} profile (it re-points an instance at its own peer); off with
 * {@code conductor.demo.payments.enabled=false}.
 */
@AutoConfiguration
@Profile("!production")
@ConditionalOnProperty(name = "conductor.demo.payments.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoPaymentsProperties.class)
public class DemoPaymentsConfiguration {

    @Bean(destroyMethod = "close")
    DemoStripe demoStripe(ConductorProperties conductor) {
        return DemoStripe.start(conductor.dataDir());
    }

    @Bean
    DemoPaymentsSetup demoPaymentsSetup(
            Registry registry, DemoStripe stripe, DemoPaymentsProperties demo, DataSource dataSource) {
        return new DemoPaymentsSetup(registry, stripe, demo, dataSource);
    }
}
