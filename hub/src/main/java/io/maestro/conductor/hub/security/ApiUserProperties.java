package io.maestro.conductor.hub.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenant-scoped API users, e.g. {@code conductor.security.users[0].name=acme-ci},
 * {@code ...password=<bcrypt hash>}, {@code ...tenants=acme}.
 */
@ConfigurationProperties("conductor.security")
public record ApiUserProperties(@DefaultValue List<ApiUser> users) {

    /** One API user; {@code password} is a bcrypt hash, never a clear-text password. */
    public record ApiUser(String name, String password, Set<String> tenants) {
    }
}
