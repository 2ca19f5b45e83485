package io.maestro.conductor.hub.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The operator (role admin, every tenant) plus the configured API users. Each lookup returns a fresh
 * {@link ConductorUser} because Spring Security erases credentials on the object it is handed.
 */
public class ConductorUserDirectory implements UserDetailsService {

    public static final String OPERATOR = "operator";

    private record Entry(String passwordHash, Set<OperatorRole> roles, TenantScope scope) {
    }

    private final Map<String, Entry> users = new LinkedHashMap<>();

    public ConductorUserDirectory(String operatorPasswordHash, ApiUserProperties apiUsers) {
        users.put(OPERATOR, new Entry(operatorPasswordHash, Set.of(OperatorRole.ADMIN), TenantScope.all()));
        for (ApiUserProperties.ApiUser user : apiUsers.users()) {
            if (users.containsKey(user.name())) {
                throw new IllegalStateException("Duplicate API user name: " + user.name());
            }
            users.put(user.name(), new Entry(user.password(), roles(user), scope(user)));
        }
    }

    @Override
    public ConductorUser loadUserByUsername(String username) {
        Entry entry = users.get(username);
        if (entry == null) {
            throw new UsernameNotFoundException("Unknown user");
        }
        return new ConductorUser(username, entry.passwordHash(), entry.roles(), entry.scope());
    }

    /** A user's roles as configured now (e.g. the requester of a change request, when it is approved). */
    public Optional<Set<OperatorRole>> rolesOf(String username) {
        return Optional.ofNullable(users.get(username)).map(Entry::roles);
    }

    /** No roles configured: {@code operator}, what every API user could do before roles existed. */
    private static Set<OperatorRole> roles(ApiUserProperties.ApiUser user) {
        if (user.roles() == null || user.roles().isEmpty()) {
            return Set.of(OperatorRole.OPERATOR);
        }
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        user.roles().forEach(role -> roles.add(OperatorRole.fromConfig(user.name(), role)));
        return roles;
    }

    private static TenantScope scope(ApiUserProperties.ApiUser user) {
        Set<String> tenants = user.tenants() == null ? Set.of() : user.tenants();
        return tenants.contains(ApiUserProperties.ALL_TENANTS) ? TenantScope.all() : TenantScope.only(tenants);
    }
}
