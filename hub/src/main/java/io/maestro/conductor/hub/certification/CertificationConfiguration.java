package io.maestro.conductor.hub.certification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.devkit.review.KnownBadDependencies;
import io.maestro.conductor.hub.bundles.AdapterBundles;
import io.maestro.conductor.hub.governance.GovernanceProperties;
import io.maestro.conductor.hub.security.ConductorUserDirectory;
import io.maestro.conductor.registry.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificationProperties.class)
public class CertificationConfiguration {

    /** {@code migrated}: the registry (and with it the hub's tables) is open before the store is used. */
    @Bean
    CertificationStore certificationStore(DataSource dataSource, Registry migrated, ObjectMapper json) {
        return new CertificationStore(dataSource, json, migrated.changeRequests());
    }

    /** The bean routes/adapter-review.yaml calls. */
    @Bean
    AdapterReview adapterReview(
            Registry registry,
            CertificationStore store,
            CertificationProperties properties,
            ObjectMapper json,
            DataSource dataSource,
            GovernanceProperties governance) {
        byte[] knownBad;
        try {
            knownBad = properties.knownBadFile() == null
                    ? KnownBadDependencies.builtInList()
                    : Files.readAllBytes(properties.knownBadFile());
        } catch (IOException e) {
            throw new UncheckedIOException("conductor.adapter-review.known-bad-file cannot be read", e);
        }
        return new AdapterReview(
                registry, store, knownBad, json, dataSource, governance.changeRequestTtl(), Clock.systemUTC());
    }

    @Bean
    ReviewRoute reviewRoute(ProducerTemplate template) {
        return new ReviewRoute(template);
    }

    @Bean
    MarketplaceListings marketplaceListings(
            ReviewRoute route, CertificationStore store, Registry registry, ConductorUserDirectory users) {
        return new MarketplaceListings(route, store, registry, users, Clock.systemUTC());
    }

    @Bean
    AdapterCertifications adapterCertifications(
            AdapterBundles bundles,
            CertificationStore store,
            Registry registry,
            ReviewRoute route,
            MarketplaceListings listings,
            CertificationProperties properties) {
        return new AdapterCertifications(bundles, store, registry, route, listings, properties);
    }
}
