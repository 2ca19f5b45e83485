package io.maestro.conductor.identity.oidc;

import java.util.Objects;

/**
 * Which claims carry the ABAC attributes the policies read. A name with dots is a path into nested objects
 * (Keycloak puts realm roles at {@code realm_access.roles}). A claim that names a URL (contains {@code ://}) is
 * taken whole, as such namespaced claims are.
 */
public record ClaimMapping(String rolesClaim, String groupsClaim, String tenantClaim, String assuranceClaim) {

    public ClaimMapping {
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        Objects.requireNonNull(groupsClaim, "groupsClaim");
        Objects.requireNonNull(tenantClaim, "tenantClaim");
        Objects.requireNonNull(assuranceClaim, "assuranceClaim");
    }

    /** {@code roles}, {@code groups}, {@code tenant}, {@code acr}. */
    public static ClaimMapping defaults() {
        return new ClaimMapping("roles", "groups", "tenant", "acr");
    }
}
