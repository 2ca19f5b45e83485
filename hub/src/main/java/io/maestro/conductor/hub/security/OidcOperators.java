package io.maestro.conductor.hub.security;

import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.identity.IdentityInstanceConfig;
import io.maestro.conductor.identity.oidc.AttributeMapper;
import io.maestro.conductor.identity.oidc.ClaimMapping;
import io.maestro.conductor.identity.oidc.OidcProvider;
import io.maestro.conductor.identity.oidc.OidcSettings;
import io.maestro.conductor.identity.oidc.ValidatedToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Operators who log in through OpenID Connect: bearer tokens validated by the identity adapter's validator
 * (rotation-safe JWKS cache, asymmetric algorithms only, a burst of unknown {@code kid}s costs the provider one
 * request), and claims mapped onto {@link OperatorRole}s and a {@link TenantScope}. A value of the roles claim that
 * names no role is ignored, so a token without the claim gives no role at all (every URL then answers 403); a token
 * without the tenants claim sees no tenant. The hub names the operator {@code oidc:<username claim>} so a provider's
 * user can never pass for a configured one (such as {@code operator}).
 */
public final class OidcOperators {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private final OidcLoginProperties properties;
    private final URI issuer;
    private final Map<String, OperatorRole> roles;
    private final HttpClient http;
    private volatile OidcProvider provider;

    /** @throws IllegalStateException naming the setting when issuer, client id or a mapped role is unusable */
    public OidcOperators(OidcLoginProperties properties) {
        this.properties = properties;
        if (properties.clientId() == null || properties.clientId().isBlank()) {
            throw new IllegalStateException("conductor.oidc-login.client-id is required when OIDC login is on");
        }
        try {
            this.issuer = IdentityInstanceConfig.safeUrl(
                    properties.issuer() == null ? "" : properties.issuer(), "conductor.oidc-login.issuer");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
        this.roles = roleMapping(properties.roleMapping());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(HTTP_TIMEOUT)
                .build();
    }

    public OidcLoginProperties properties() {
        return properties;
    }

    public URI issuer() {
        return issuer;
    }

    /** Validates a bearer token; refusals are {@link IdentityException}s with the identity codes. */
    public ValidatedToken validate(String token) {
        return provider().validate(token);
    }

    /** The hub user of validated claims. */
    public ConductorUser user(String subject, Map<String, Object> claims) {
        Set<OperatorRole> granted = roles(claims);
        return new ConductorUser(name(subject, claims), "", granted, scope(granted, claims));
    }

    String name(String subject, Map<String, Object> claims) {
        Object name = claims.get(properties.usernameClaim());
        return "oidc:" + (name instanceof String text && !text.isBlank() ? text : subject);
    }

    Set<OperatorRole> roles(Map<String, Object> claims) {
        Set<OperatorRole> granted = EnumSet.noneOf(OperatorRole.class);
        for (String value : AttributeMapper.values(claims, properties.rolesClaim())) {
            OperatorRole role = roles.get(value.toLowerCase(Locale.ROOT));
            if (role != null) {
                granted.add(role);
            }
        }
        return granted;
    }

    /** No role, no tenant: a token without a hub role reaches nothing, not even the console of every tenant. */
    TenantScope scope(Set<OperatorRole> granted, Map<String, Object> claims) {
        if (granted.isEmpty()) {
            return TenantScope.only(Set.of());
        }
        List<String> tenants = AttributeMapper.values(claims, properties.tenantsClaim());
        return tenants.contains(ApiUserProperties.ALL_TENANTS)
                ? TenantScope.all()
                : TenantScope.only(Set.copyOf(tenants));
    }

    /** Connected on first use: a provider that is down fails logins (503), not the hub's start. */
    private OidcProvider provider() {
        OidcProvider connected = provider;
        if (connected == null) {
            synchronized (this) {
                connected = provider;
                if (connected == null) {
                    connected = OidcProvider.connect(
                            OidcSettings.of(issuer, properties.clientId()),
                            new ClaimMapping(properties.rolesClaim(), "groups", "tenant", "acr"),
                            http);
                    provider = connected;
                }
            }
        }
        return connected;
    }

    private static Map<String, OperatorRole> roleMapping(Map<String, String> configured) {
        Map<String, OperatorRole> mapping = new LinkedHashMap<>();
        if (configured == null || configured.isEmpty()) {
            for (OperatorRole role : OperatorRole.values()) {
                mapping.put(role.id(), role);
            }
            return mapping;
        }
        configured.forEach((claimValue, role) -> mapping.put(
                claimValue.toLowerCase(Locale.ROOT), OperatorRole.fromConfig("conductor.oidc-login", role)));
        return mapping;
    }

    /** Whether a refusal is the provider's fault (answered 503) rather than the token's (401). */
    static boolean providerFault(IdentityErrorCode code) {
        return code == IdentityErrorCode.IDP_UNAVAILABLE || code == IdentityErrorCode.IDP_RESPONSE_INVALID;
    }
}
