package io.maestro.conductor.identity;

import io.maestro.conductor.identity.oidc.OidcProvider;
import io.maestro.conductor.identity.provisioning.Provisioning;
import java.net.http.HttpClient;

/**
 * The delegate of one identity instance (per config version): its OpenID Connect provider and its provisioning
 * backend. The provider is connected on first use, not when the delegate is built, so an identity provider that is
 * down fails token calls ({@code IDP_UNAVAILABLE}, retried on the next call) without stopping provisioning.
 */
public final class IdentityBackend implements AutoCloseable {

    private final IdentityInstanceConfig config;
    private final Provisioning provisioning;
    private final HttpClient http;
    private volatile OidcProvider oidc;

    public IdentityBackend(IdentityInstanceConfig config, Provisioning provisioning) {
        this.config = config;
        this.provisioning = provisioning;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.oidc().httpTimeout())
                .build();
    }

    public IdentityInstanceConfig config() {
        return config;
    }

    public OidcProvider oidc() {
        OidcProvider provider = oidc;
        if (provider == null) {
            synchronized (this) {
                provider = oidc;
                if (provider == null) {
                    provider = OidcProvider.connect(config.oidc(), config.claims(), http);
                    oidc = provider;
                }
            }
        }
        return provider;
    }

    public Provisioning provisioning() {
        return provisioning;
    }

    @Override
    public void close() throws Exception {
        provisioning.close();
    }
}
