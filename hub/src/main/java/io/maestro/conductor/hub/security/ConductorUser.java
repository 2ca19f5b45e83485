package io.maestro.conductor.hub.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** An authenticated hub user together with the tenants it may act on. */
public class ConductorUser extends User {

    public static final String OPERATOR_ROLE = "OPERATOR";
    public static final String API_USER_ROLE = "API_USER";

    private final TenantScope scope;

    public ConductorUser(String name, String passwordHash, String role, TenantScope scope) {
        super(name, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        this.scope = scope;
    }

    public TenantScope scope() {
        return scope;
    }
}
