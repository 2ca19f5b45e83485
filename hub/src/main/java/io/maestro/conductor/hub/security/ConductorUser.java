package io.maestro.conductor.hub.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** An authenticated hub user: its roles and the tenants it may act on. */
public class ConductorUser extends User {

    public static final String VIEWER_ROLE = "VIEWER";
    public static final String OPERATOR_ROLE = "OPERATOR";
    public static final String APPROVER_ROLE = "APPROVER";
    /**
     * Held by users who see every tenant: the console, the actuator, the OPA Data API and cross-tenant views need it
     * on top of a role, so a tenant-scoped user never reaches them.
     */
    public static final String ALL_TENANTS_ROLE = "ALL_TENANTS";

    private final TenantScope scope;
    private final Set<OperatorRole> roles;

    public ConductorUser(String name, String passwordHash, Set<OperatorRole> roles, TenantScope scope) {
        super(name, passwordHash, authorities(roles, scope));
        this.scope = scope;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The hub user behind an authenticated request (every login of the hub is one). */
    public static ConductorUser of(Authentication authentication) {
        return (ConductorUser) authentication.getPrincipal();
    }

    public TenantScope scope() {
        return scope;
    }

    public Set<OperatorRole> roles() {
        return roles;
    }

    /** The roles as config and the lifecycle policy name them, sorted. */
    public List<String> roleIds() {
        return roles.stream().sorted().map(OperatorRole::id).toList();
    }

    private static Collection<GrantedAuthority> authorities(Set<OperatorRole> roles, TenantScope scope) {
        List<GrantedAuthority> granted = new ArrayList<>();
        roles.forEach(role -> granted.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        if (scope.allTenants()) {
            granted.add(new SimpleGrantedAuthority("ROLE_" + ALL_TENANTS_ROLE));
        }
        return granted;
    }
}
