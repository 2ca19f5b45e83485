package io.maestro.conductor.hub.security;

import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An operator logged in to the console through the authorization code flow: a {@link ConductorUser} (roles and
 * tenant scope from the ID token's and userinfo's claims, as for bearer tokens) that Spring Security's OAuth2 login
 * keeps as the session's {@link OidcUser}.
 */
final class OidcConductorUser extends ConductorUser implements OidcUser {

    private final OidcUser oidc;

    OidcConductorUser(String name, Set<OperatorRole> roles, TenantScope scope, OidcUser oidc) {
        super(name, "", roles, scope);
        this.oidc = oidc;
    }

    @Override
    public Map<String, Object> getClaims() {
        return oidc.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return oidc.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return oidc.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return oidc.getAttributes();
    }

    @Override
    public String getName() {
        return getUsername();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
