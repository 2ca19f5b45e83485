package io.maestro.conductor.hub.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API users, e.g. {@code conductor.security.users[0].name=acme-ci}, {@code ...password=<bcrypt hash>},
 * {@code ...tenants=acme} ({@code *} for every tenant), {@code ...roles=operator,approver}.
 */
@ConfigurationProperties(prefix = "conductor.security", ignoreUnknownFields = false)
public record ApiUserProperties(@DefaultValue List<ApiUser> users) {

    /** In {@code tenants}: every tenant, now and later. */
    public static final String ALL_TENANTS = "*";

    /**
     * One API user; {@code password} is a bcrypt hash, never a clear-text password. {@code roles} are of
     * {@link OperatorRole} ({@code viewer}, {@code operator}, {@code approver}, {@code admin}); none given means
     * {@code operator}.
     */
    public record ApiUser(String name, String password, Set<String> tenants, Set<String> roles) {}
}
