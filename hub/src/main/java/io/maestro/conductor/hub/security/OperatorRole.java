package io.maestro.conductor.hub.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a hub user may do, from config ({@code conductor.security.users[n].roles}); OIDC claims later. A viewer reads;
 * an operator also takes lifecycle actions; an approver also approves or rejects other people's change requests; an
 * admin does everything. The lifecycle policy gets the configured names (lower case) as {@code roles}.
 */
public enum OperatorRole {
    VIEWER,
    OPERATOR,
    APPROVER,
    ADMIN;

    /** The role hierarchy Spring Security applies to the URL rules. */
    static final String HIERARCHY = """
            ROLE_ADMIN > ROLE_OPERATOR
            ROLE_ADMIN > ROLE_APPROVER
            ROLE_OPERATOR > ROLE_VIEWER
            ROLE_APPROVER > ROLE_VIEWER
            """;

    /** How config and the policy name it: {@code viewer}, {@code operator}, {@code approver}, {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalStateException naming the valid roles, so a typo in config stops the start */
    static OperatorRole fromConfig(String user, String role) {
        return Arrays.stream(values())
                .filter(r -> r.id().equals(role == null ? "" : role.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("User " + user + " has unknown role '" + role
                        + "'; roles are "
                        + Arrays.stream(values()).map(OperatorRole::id).collect(Collectors.joining(", "))));
    }
}
