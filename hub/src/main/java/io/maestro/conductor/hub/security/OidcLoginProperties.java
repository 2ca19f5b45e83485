package io.maestro.conductor.hub.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator login through OpenID Connect ({@code conductor.oidc-login.*}), beside HTTP Basic; off by default. Bearer
 * tokens of {@code issuer} whose {@code aud} holds {@code client-id} are accepted by the admin API, Hawtio and
 * Jolokia; a browser opening the console without a login is sent through the authorization code flow with this
 * client.
 *
 * @param enabled        on: bearer tokens are accepted and the console offers the code flow
 * @param issuer         the provider's exact issuer (https, or http on loopback); discovery is read below it
 * @param clientId       the hub's client at the provider: a token's {@code aud} must hold it; the code flow's client
 * @param clientSecret   that client's secret for the code flow, e.g. {@code ${CONDUCTOR_OIDC_CLIENT_SECRET}}: set it
 *                       from the environment or a secret store, never in a file under version control
 * @param rolesClaim     claim with the operator roles (dotted path, e.g. {@code realm_access.roles})
 * @param tenantsClaim   claim with the tenants the operator may see ({@code *} for every tenant)
 * @param usernameClaim  claim that names the operator; the hub calls it {@code oidc:<value>} (else {@code sub})
 * @param roleMapping    claim value to hub role ({@code viewer}, {@code operator}, {@code approver}, {@code admin});
 *                       empty: claim values that are those role names, in any case
 */
@ConfigurationProperties(prefix = "conductor.oidc-login", ignoreUnknownFields = false)
public record OidcLoginProperties(
        @DefaultValue("false") boolean enabled,
        String issuer,
        String clientId,
        String clientSecret,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("tenants") String tenantsClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue Map<String, String> roleMapping) {

    /** The registration id of the code flow's client: {@code /oauth2/authorization/conductor}. */
    public static final String REGISTRATION = "conductor";

    /** Never the client secret: this record may end up in a log line or a failure analysis. */
    @Override
    public String toString() {
        return "OidcLoginProperties[enabled=" + enabled + ", issuer=" + issuer + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "none" : "***")
                + ", rolesClaim=" + rolesClaim + ", tenantsClaim=" + tenantsClaim + ", usernameClaim="
                + usernameClaim + ", roleMapping=" + roleMapping + "]";
    }
}
