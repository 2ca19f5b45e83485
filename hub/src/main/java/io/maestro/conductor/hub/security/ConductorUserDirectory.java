package io.maestro.conductor.hub.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The operator plus the configured tenant-scoped API users. Each lookup returns a fresh
 * {@link ConductorUser} because Spring Security erases credentials on the object it is handed.
 */
public class ConductorUserDirectory implements UserDetailsService {

    public static final String OPERATOR = "operator";

    private record Entry(String passwordHash, String role, TenantScope scope) {
    }

    private final Map<String, Entry> users = new LinkedHashMap<>();

    public ConductorUserDirectory(String operatorPasswordHash, ApiUserProperties apiUsers) {
        users.put(OPERATOR, new Entry(operatorPasswordHash, ConductorUser.OPERATOR_ROLE, TenantScope.all()));
        for (ApiUserProperties.ApiUser user : apiUsers.users()) {
            if (users.containsKey(user.name())) {
                throw new IllegalStateException("Duplicate API user name: " + user.name());
            }
            users.put(user.name(), new Entry(user.password(), ConductorUser.API_USER_ROLE,
                    TenantScope.only(user.tenants())));
        }
    }

    @Override
    public ConductorUser loadUserByUsername(String username) {
        Entry entry = users.get(username);
        if (entry == null) {
            throw new UsernameNotFoundException("Unknown user");
        }
        return new ConductorUser(username, entry.passwordHash(), entry.role(), entry.scope());
    }
}
