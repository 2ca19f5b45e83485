package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.identity.keycloak.KeycloakProvisioning;
import io.maestro.conductor.identity.keycloak.KeycloakSettings;
import io.maestro.conductor.identity.provisioning.RetryPolicy;
import io.maestro.conductor.identity.provisioning.ScimProvisioning;
import io.maestro.conductor.identity.scim.ScimClient;
import io.maestro.conductor.identity.scim.ScimSettings;
import java.time.Duration;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code identity:} component: OpenID Connect token validation, userinfo and claim mapping, and user
 * provisioning, per tenant. Which provider and provisioning backend a call uses comes from the adapter instance the
 * exchange's tenant addresses.
 */
@Component("identity")
public class IdentityComponent extends AdapterComponent<IdentityBackend> {

    public static final String CATEGORY = "identity";
    /** Backends are named by the registry's adapter definitions. */
    public static final String BACKEND_SCIM = "scim-identity";

    public static final String BACKEND_KEYCLOAK = "keycloak-identity";

    private static final Duration PROVISIONING_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    protected AdapterEndpoint<IdentityBackend> newEndpoint(String uri) {
        return new IdentityEndpoint(uri, this);
    }

    @Override
    protected IdentityBackend createDelegate(ResolvedInstance instance, InstanceSecrets secrets) {
        if (BACKEND_SCIM.equals(instance.backend())) {
            IdentityInstanceConfig config = IdentityInstanceConfig.of(instance, IdentityDefinitions.SCIM_CONFIG);
            ScimSettings scim = new ScimSettings(
                    config.url(IdentityDefinitions.SCIM_BASE_URL),
                    secrets.require(IdentityDefinitions.SCIM_TOKEN, "identity.scim.client")
                            .reveal(),
                    PROVISIONING_TIMEOUT,
                    retry(config));
            return new IdentityBackend(config, new ScimProvisioning(ScimClient.create(scim)));
        }
        if (BACKEND_KEYCLOAK.equals(instance.backend())) {
            IdentityInstanceConfig config = IdentityInstanceConfig.of(instance, IdentityDefinitions.KEYCLOAK_CONFIG);
            KeycloakSettings keycloak = new KeycloakSettings(
                    config.url(IdentityDefinitions.KEYCLOAK_BASE_URL),
                    config.config().requireString(IdentityDefinitions.REALM),
                    config.config().requireString(IdentityDefinitions.CLIENT_ID),
                    secrets.require(IdentityDefinitions.CLIENT_SECRET, "identity.keycloak.client")
                            .reveal(),
                    PROVISIONING_TIMEOUT,
                    retry(config));
            return new IdentityBackend(config, KeycloakProvisioning.create(keycloak));
        }
        throw new AdapterException(
                SpiErrorCode.CONFIG_INVALID,
                instance.ref().id(),
                "identity backend '" + instance.backend() + "' is not supported (" + BACKEND_SCIM + ", "
                        + BACKEND_KEYCLOAK + ")");
    }

    private static RetryPolicy retry(IdentityInstanceConfig config) {
        RetryPolicy defaults = RetryPolicy.defaults();
        return new RetryPolicy(
                config.config().integer(IdentityDefinitions.MAX_ATTEMPTS).orElse(defaults.maxAttempts()),
                defaults.initialBackoff(),
                defaults.maxBackoff(),
                defaults.maxRetryAfter());
    }

    /** Asks the provisioning backend for a user nobody has: proves its address and credentials. */
    @Override
    protected void probe(IdentityBackend backend, ResolvedInstance instance) {
        try {
            backend.provisioning().probe();
        } catch (IdentityException e) {
            throw e.forInstance(instance.ref().id());
        }
    }
}
