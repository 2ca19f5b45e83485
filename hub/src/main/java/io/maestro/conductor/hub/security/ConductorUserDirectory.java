package io.maestro.conductor.hub.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The operator (role admin, every tenant) plus the configured API users. Each lookup returns a fresh
 * {@link ConductorUser} because Spring Security erases credentials on the object it is handed.
 */
public class ConductorUserDirectory implements UserDetailsService {

    public static final String OPERATOR = "operator";

    private record Entry(String passwordHash, Set<OperatorRole> roles, TenantScope scope) {}

    /** What {@code BCryptPasswordEncoder} can check: {@code $2a$}, {@code $2b$} or {@code $2y$}, cost, salt and hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

    private final Map<String, Entry> users = new LinkedHashMap<>();

    /**
     * @throws IllegalStateException when an API user's password is not a bcrypt hash: a clear-text password there
     *                               would never match a login, so the hub refuses to start rather than fail every
     *                               login silently (the message never repeats the value)
     */
    public ConductorUserDirectory(String operatorPasswordHash, ApiUserProperties apiUsers) {
        users.put(OPERATOR, new Entry(operatorPasswordHash, Set.of(OperatorRole.ADMIN), TenantScope.all()));
        for (int i = 0; i < apiUsers.users().size(); i++) {
            ApiUserProperties.ApiUser user = apiUsers.users().get(i);
            if (users.containsKey(user.name())) {
                throw new IllegalStateException("Duplicate API user name: " + user.name());
            }
            if (user.password() == null || !BCRYPT.matcher(user.password()).matches()) {
                throw new IllegalStateException("conductor.security.users[" + i + "].password (user '" + user.name()
                        + "') is not a bcrypt hash. The hub keeps no clear-text passwords: make the hash with "
                        + "`bin/conductor users hash` and configure that instead.");
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
