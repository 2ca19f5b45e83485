package io.maestro.conductor.demo.notary;

import io.maestro.conductor.hub.notary.ReceiptSealProperties;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.sandbox.tsa.TimestampAuthority;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's demo notary: an RFC 3161 TSA on 127.0.0.1 (sandbox's {@link TimestampAuthority}) and a
 * notary instance of the demo tenant on it, with a signing key in the tenant's vault, so its provenance receipts are
 * sealed. Never under the {@code production} profile; off with {@code conductor.demo.notary.enabled=false}.
 */
@AutoConfiguration
@Profile("!production")
@ConditionalOnProperty(name = "conductor.demo.notary.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoNotaryProperties.class)
public class DemoNotaryConfiguration {

    @Bean(destroyMethod = "close")
    TimestampAuthority demoTimestampAuthority() {
        return TimestampAuthority.start();
    }

    @Bean
    DemoNotarySetup demoNotarySetup(
            Registry registry, TimestampAuthority tsa, DemoNotaryProperties demo, ReceiptSealProperties seals) {
        return new DemoNotarySetup(registry, tsa, demo, seals);
    }
}
