package io.maestro.conductor.identity;

import static io.maestro.conductor.adapter.config.ConfigType.INT;
import static io.maestro.conductor.adapter.config.ConfigType.STRING;

import io.maestro.conductor.adapter.config.AdapterDefinitionSpec;
import io.maestro.conductor.adapter.config.AdapterDefinitions;
import io.maestro.conductor.adapter.config.ConfigValidator;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import io.maestro.conductor.adapter.config.InstanceConfigDef.Destination;
import java.util.List;

/**
 * The identity adapter's definitions and their instance configs, declared once: the build writes them to this jar's
 * {@code META-INF/conductor/adapter-definitions.yaml} (schemas included) and to {@code src/generated/docs}. Every
 * definition trusts one OpenID Connect provider (token validation, userinfo, claim mapping) and provisions users in
 * one backend, whose base URL is the SPI's {@link AdapterDefinitions#ENDPOINT} key: the one the hub's endpoint
 * allowlist governs, since the backend's credential goes there.
 */
public final class IdentityDefinitions implements AdapterDefinitions {

    public static final String VERSION = "1.0.0";

    public static final String ISSUER = "issuer";
    public static final String CLIENT_ID = "clientId";
    public static final String SCOPES = "scopes";
    public static final String JWKS_URL = "jwksUrl";
    public static final String USERINFO_URL = "userInfoUrl";
    public static final String ROLES_CLAIM = "rolesClaim";
    public static final String GROUPS_CLAIM = "groupsClaim";
    public static final String TENANT_CLAIM = "tenantClaim";
    public static final String ASSURANCE_CLAIM = "assuranceClaim";
    public static final String MAX_ATTEMPTS = "maxAttempts";

    /** SCIM: the service provider's base URL (Users, Groups below it) and its bearer token. */
    public static final String SCIM_BASE_URL = AdapterDefinitions.ENDPOINT;

    public static final String SCIM_TOKEN = "scimToken";

    /** Keycloak: the server's base URL (the endpoint key), the realm, and the client's secret (client credentials). */
    public static final String KEYCLOAK_BASE_URL = AdapterDefinitions.ENDPOINT;

    public static final String REALM = "realm";
    public static final String CLIENT_SECRET = "clientSecret";

    private static final String URL = "https?://\\S{1,2000}";
    private static final String CLAIM_NAME = "[A-Za-z0-9_.:/#-]{1,200}";
    private static final List<String> OPERATIONS = List.of(
            "validate_token",
            "fetch_claims",
            "map_attributes",
            "create_user",
            "update_user",
            "deactivate_user",
            "assign_group",
            "remove_group",
            "assign_role",
            "remove_role");

    public static final InstanceConfigDef SCIM_CONFIG = maxAttempts(oidc().define(
                    SCIM_BASE_URL,
                    STRING,
                    InstanceConfigDef.REQUIRED,
                    ConfigValidator.pattern(URL, "an http(s) URL"),
                    "The SCIM 2.0 service provider's base URL (Users and Groups below it); plain http only on "
                            + "loopback")
            .defineSecret(SCIM_TOKEN, true, "Bearer token of the SCIM service provider, as secret:<name>"));

    public static final InstanceConfigDef KEYCLOAK_CONFIG = maxAttempts(oidc().define(
                    KEYCLOAK_BASE_URL,
                    STRING,
                    InstanceConfigDef.REQUIRED,
                    ConfigValidator.pattern(URL, "an http(s) URL"),
                    "The Keycloak server's base URL (admin/realms/<realm> and realms/<realm> below it); plain http "
                            + "only on loopback")
            .define(
                    REALM,
                    STRING,
                    InstanceConfigDef.REQUIRED,
                    ConfigValidator.pattern("[A-Za-z0-9_.-]{1,255}", "a realm name"),
                    "The realm users are provisioned in; its user profile must declare the attribute externalId")
            .defineSecret(
                    CLIENT_SECRET,
                    true,
                    "Secret of the confidential client clientId, as secret:<name>: its service account needs the "
                            + "realm-management roles manage-users, view-users, query-users, query-groups and "
                            + "view-realm"));

    /** Every provisioning backend retries the same way. */
    private static InstanceConfigDef maxAttempts(InstanceConfigDef def) {
        return def.define(
                MAX_ATTEMPTS,
                INT,
                4,
                ConfigValidator.range(1, 10),
                "Tries of a provisioning call the backend may accept later (429, 5xx, no answer), with "
                        + "backoff honouring Retry-After");
    }

    /** The OpenID Connect part every identity definition shares. */
    static InstanceConfigDef oidc() {
        return new InstanceConfigDef()
                .defineDestination(
                        ISSUER,
                        Destination.URL,
                        InstanceConfigDef.REQUIRED,
                        ConfigValidator.pattern(URL, "an http(s) URL"),
                        "The provider's issuer: tokens' iss must equal it exactly; discovery is read below it. "
                                + "Plain http only on loopback")
                .define(
                        CLIENT_ID,
                        STRING,
                        InstanceConfigDef.REQUIRED,
                        ConfigValidator.pattern("[\\x21-\\x7e]{1,255}", "a client id"),
                        "The client id: a token's aud must contain it")
                .define(
                        SCOPES,
                        STRING,
                        null,
                        ConfigValidator.pattern("[\\x21\\x23-\\x5b\\x5d-\\x7e ]{1,1000}", "space-separated scopes"),
                        "Scopes every validated token must carry (its scope claim), space-separated")
                .defineDestination(
                        JWKS_URL,
                        Destination.URL,
                        null,
                        ConfigValidator.pattern(URL, "an http(s) URL"),
                        "The provider's JWKS; default jwks_uri from discovery")
                .defineDestination(
                        USERINFO_URL,
                        Destination.URL,
                        null,
                        ConfigValidator.pattern(URL, "an http(s) URL"),
                        "The userinfo endpoint (fetch_claims); default userinfo_endpoint from discovery")
                .define(
                        ROLES_CLAIM,
                        STRING,
                        "roles",
                        claim(),
                        "Claim with the subject's roles (a dotted path "
                                + "such as realm_access.roles reads nested objects)")
                .define(GROUPS_CLAIM, STRING, "groups", claim(), "Claim with the subject's groups")
                .define(TENANT_CLAIM, STRING, "tenant", claim(), "Claim with the subject's tenant")
                .define(ASSURANCE_CLAIM, STRING, "acr", claim(), "Claim with the authentication's assurance level");
    }

    private static ConfigValidator claim() {
        return ConfigValidator.pattern(CLAIM_NAME, "a claim name or dotted path");
    }

    @Override
    public List<AdapterDefinitionSpec> definitions() {
        return List.of(
                new AdapterDefinitionSpec(
                        IdentityComponent.BACKEND_SCIM,
                        VERSION,
                        IdentityComponent.CATEGORY,
                        "platform-identity",
                        "OpenID Connect token validation (Nimbus JOSE+JWT) and user provisioning over SCIM 2.0",
                        "high",
                        "confidential",
                        false,
                        List.of("eu-west-1", "eu-central-1", "us-east-1"),
                        OPERATIONS,
                        SCIM_CONFIG),
                new AdapterDefinitionSpec(
                        IdentityComponent.BACKEND_KEYCLOAK,
                        VERSION,
                        IdentityComponent.CATEGORY,
                        "platform-identity",
                        "OpenID Connect token validation (Nimbus JOSE+JWT) and user provisioning through the "
                                + "Keycloak admin REST API",
                        "high",
                        "confidential",
                        false,
                        List.of("eu-west-1", "eu-central-1", "us-east-1"),
                        OPERATIONS,
                        KEYCLOAK_CONFIG));
    }
}
