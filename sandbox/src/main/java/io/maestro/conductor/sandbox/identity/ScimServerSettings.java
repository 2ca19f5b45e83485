package io.maestro.conductor.sandbox.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.directory.scim.server.configuration.ServerConfiguration;
import org.apache.directory.scim.spec.schema.ServiceProviderConfiguration.AuthenticationSchema;

/** What {@code /ServiceProviderConfig} advertises: filtering and PATCH, bearer-token authentication. */
@ApplicationScoped
public class ScimServerSettings {

    static final int MAX_RESULTS = 200;

    @Produces
    ServerConfiguration serverConfiguration() {
        return new ServerConfiguration()
                .setId("conductor-scim-sandbox")
                .setSupportsFilter(true)
                .setFilterMaxResults(MAX_RESULTS)
                .addAuthenticationSchema(AuthenticationSchema.oauthBearer());
    }
}
