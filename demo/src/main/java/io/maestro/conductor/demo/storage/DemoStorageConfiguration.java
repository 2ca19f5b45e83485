package io.maestro.conductor.demo.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.hub.config.TenantConfigVariables;
import io.maestro.conductor.hub.evidence.EvidenceRequestParser;
import io.maestro.conductor.hub.evidence.EvidenceUploads;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.storage.StorageComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's demo storage: in-process S3 and GCS peers, the demo tenants' storage instances pointed at
 * them, and the demo uploads. On whenever this module's jar runs the hub ({@code conductor.demo.storage.enabled}
 * turns it off), never under the {@code production} profile: the demo re-points tenants' S3 instances at its own
 * peer, which must never happen to a deployment's tenants.
 */
@AutoConfiguration
@Profile("!production")
@ConditionalOnProperty(name = "conductor.demo.storage.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DemoStorageProperties.class)
public class DemoStorageConfiguration {

    static final String S3_ENDPOINT_VARIABLE = "CONDUCTOR_DEMO_S3_ENDPOINT";

    @Bean(destroyMethod = "close")
    DemoStoragePeers demoStoragePeers(ConductorProperties conductor, DemoStorageProperties demo) {
        return DemoStoragePeers.start(conductor.dataDir(), demo.s3Port());
    }

    /**
     * {@value #S3_ENDPOINT_VARIABLE} for the demo tenant files: where the S3 peer listens, so their S3 instances are
     * installed pointing at it (nothing when it could not start: the files' default stays).
     */
    @Bean
    TenantConfigVariables demoStorageVariables(DemoStoragePeers peers) {
        return name -> S3_ENDPOINT_VARIABLE.equals(name) && peers.s3() != null
                ? peers.s3().endpoint().toString()
                : null;
    }

    /** Every GCS instance reads and writes the in-memory fake (there is no GCS server to point it at). */
    @Bean
    ComponentCustomizer demoGcsClients(DemoStoragePeers peers) {
        return ComponentCustomizer.forType(
                StorageComponent.class,
                storage -> storage.setGcsClientFactory(
                        (instance, config, secrets) -> peers.gcs().storage()));
    }

    @Bean
    DemoUploads demoUploads(
            Registry registry,
            DemoStoragePeers peers,
            DemoStorageProperties demo,
            EvidenceRequestParser parser,
            EvidenceUploads uploads,
            ObjectMapper json) {
        return new DemoUploads(registry, peers, demo, parser, uploads, json);
    }
}
