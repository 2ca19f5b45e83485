package io.maestro.conductor.identity.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ABAC attributes of a subject, as the policies read them ({@link #toMap()}). */
public record IdentityAttributes(
        String subject, String tenant, List<String> roles, List<String> groups, String assurance) {

    public IdentityAttributes {
        roles = List.copyOf(roles);
        groups = List.copyOf(groups);
    }

    /** {@code subject}, {@code roles}, {@code groups}, and {@code tenant}/{@code assurance} when present. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("subject", subject);
        if (tenant != null) {
            map.put("tenant", tenant);
        }
        map.put("roles", roles);
        map.put("groups", groups);
        if (assurance != null) {
            map.put("assurance", assurance);
        }
        return map;
    }
}
