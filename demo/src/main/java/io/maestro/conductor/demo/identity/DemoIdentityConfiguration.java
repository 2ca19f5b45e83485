package io.maestro.conductor.demo.identity;

import io.maestro.conductor.hub.config.ConductorProperties;
import io.maestro.conductor.hub.config.TenantConfigVariables;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default's identity peers: mock-oauth2-server and Apache SCIMple for the demo tenants' identity
 * instances (atlas's dev {@code directory}, which {@code routes/onboarding.yaml} provisions into). On whenever this
 * module's jar runs the hub ({@code conductor.demo.identity.enabled} turns it off), never under the
 * {@code production} profile: the peers' addresses and token are written into tenants' instances and secrets.
 */
@AutoConfiguration
@Profile("!production")
@ConditionalOnProperty(name = "conductor.demo.identity.enabled", havingValue = "true", matchIfMissing = true)
public class DemoIdentityConfiguration {

    static final String OIDC_ISSUER_VARIABLE = "CONDUCTOR_DEMO_OIDC_ISSUER";
    static final String SCIM_ENDPOINT_VARIABLE = "CONDUCTOR_DEMO_SCIM_ENDPOINT";
    static final String SCIM_TOKEN_VARIABLE = "CONDUCTOR_DEMO_SCIM_TOKEN";

    @Bean(destroyMethod = "close")
    DemoIdentityPeers demoIdentityPeers(ConductorProperties conductor) {
        return DemoIdentityPeers.start(conductor.dataDir());
    }

    /** The variables the demo tenant files name for their identity instances and the SCIM token secret. */
    @Bean
    TenantConfigVariables demoIdentityVariables(DemoIdentityPeers peers) {
        return name -> switch (name) {
            case OIDC_ISSUER_VARIABLE -> peers.issuer();
            case SCIM_ENDPOINT_VARIABLE -> peers.scim().baseUri().toString();
            case SCIM_TOKEN_VARIABLE -> peers.scimToken();
            default -> null;
        };
    }
}
