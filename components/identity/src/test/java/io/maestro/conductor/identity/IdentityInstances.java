package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.instance.InstanceRef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.sandbox.identity.KeycloakSandbox;
import io.maestro.conductor.sandbox.identity.OidcSandbox;
import io.maestro.conductor.sandbox.identity.ScimSandbox;
import java.util.HashMap;
import java.util.Map;

/** Identity instances on the sandboxes: issuer {@code acme} of the OIDC sandbox, client id {@value #CLIENT_ID}. */
public final class IdentityInstances {

    public static final String CLIENT_ID = "conductor";

    private IdentityInstances() {}

    /** A SCIM instance whose token is the tenant's secret {@code scim-<name>}; {@code extra} adds or overrides keys. */
    public static ResolvedInstance scim(
            String tenant,
            String environment,
            String name,
            OidcSandbox oidc,
            ScimSandbox scim,
            Map<String, String> extra) {
        Map<String, String> config = new HashMap<>();
        config.put(IdentityDefinitions.ISSUER, oidc.issuer("acme").toString());
        config.put(IdentityDefinitions.CLIENT_ID, CLIENT_ID);
        config.put(IdentityDefinitions.SCIM_BASE_URL, scim.baseUri().toString());
        config.put(IdentityDefinitions.SCIM_TOKEN, "secret:scim-" + name);
        config.put(IdentityDefinitions.MAX_ATTEMPTS, "1");
        config.putAll(extra);
        return instance(tenant, environment, name, IdentityComponent.BACKEND_SCIM, config);
    }

    /**
     * A Keycloak instance on {@code realm} of the sandbox (issuer and provisioning both): client id
     * {@value #CLIENT_ID}, whose secret is the tenant's secret {@code keycloak-<name>}.
     */
    public static ResolvedInstance keycloak(
            String tenant, String environment, String name, KeycloakSandbox keycloak, String realm) {
        Map<String, String> config = new HashMap<>();
        config.put(IdentityDefinitions.ISSUER, keycloak.issuer(realm).toString());
        config.put(IdentityDefinitions.CLIENT_ID, CLIENT_ID);
        config.put(IdentityDefinitions.ROLES_CLAIM, "realm_access.roles");
        config.put(IdentityDefinitions.KEYCLOAK_BASE_URL, keycloak.baseUri().toString());
        config.put(IdentityDefinitions.REALM, realm);
        config.put(IdentityDefinitions.CLIENT_SECRET, "secret:keycloak-" + name);
        config.put(IdentityDefinitions.MAX_ATTEMPTS, "2");
        return instance(tenant, environment, name, IdentityComponent.BACKEND_KEYCLOAK, config);
    }

    private static ResolvedInstance instance(
            String tenant, String environment, String name, String backend, Map<String, String> config) {
        return new ResolvedInstance(
                new InstanceRef(tenant, environment, name),
                IdentityComponent.CATEGORY,
                backend,
                1,
                "eu-west-1",
                "high",
                "confidential",
                Map.copyOf(config));
    }
}
