package io.maestro.conductor.hub.bundles;

import io.maestro.conductor.hub.certification.CertificationStore;
import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.registry.Registry;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdapterBundleProperties.class)
public class AdapterBundleConfiguration {

    @Bean
    AdapterBundles adapterBundles(
            CamelContext camel,
            Registry registry,
            AdapterBundleProperties properties,
            ConductorProperties conductor,
            CertificationStore certifications) {
        AdapterBundles bundles = new AdapterBundles(
                camel,
                registry,
                AdapterBundles.verifier(properties),
                properties.dir() != null
                        ? properties.dir()
                        : conductor.dataDir().resolve("adapters"),
                Clock.systemUTC());
        if (properties.requireCertification()) {
            bundles.requireCertification(certifications::certifies);
        }
        // before Camel starts the routes, so a route of routes/ that uses an installed adapter finds it
        bundles.reload();
        return bundles;
    }
}
