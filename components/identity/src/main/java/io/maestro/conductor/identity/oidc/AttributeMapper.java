package io.maestro.conductor.identity.oidc;

import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims to {@link IdentityAttributes} under a {@link ClaimMapping}. Roles and groups may be a JSON array of
 * strings or one string of space-separated values (as OAuth's {@code scope}); duplicates are dropped, order kept.
 * Tenant and assurance must be single strings. A claim of any other shape is {@code CLAIM_INVALID}: a policy must
 * never see a half-read attribute.
 */
public final class AttributeMapper {

    private final ClaimMapping mapping;

    public AttributeMapper(ClaimMapping mapping) {
        this.mapping = mapping;
    }

    public IdentityAttributes map(String subject, Map<String, Object> claims) {
        return new IdentityAttributes(
                subject,
                single(claims, mapping.tenantClaim()),
                values(claims, mapping.rolesClaim()),
                values(claims, mapping.groupsClaim()),
                single(claims, mapping.assuranceClaim()));
    }

    /**
     * The values of claim {@code name} (a dotted path or a URL-named claim) as roles and groups are read: a list of
     * strings or one space-separated string; empty when absent; {@code CLAIM_INVALID} for another shape.
     */
    public static List<String> values(Map<String, Object> claims, String name) {
        Object value = lookup(claims, name);
        if (value == null) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof String text) {
            for (String part : text.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    values.add(part);
                }
            }
        } else if (value instanceof Collection<?> list) {
            for (Object element : list) {
                if (!(element instanceof String text)) {
                    throw invalid(name, "a list of strings");
                }
                values.add(text);
            }
        } else {
            throw invalid(name, "a string or a list of strings");
        }
        return new ArrayList<>(values);
    }

    private static String single(Map<String, Object> claims, String name) {
        Object value = lookup(claims, name);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number number) {
            return number.toString(); // acr may be numeric (e.g. Keycloak's "1")
        }
        throw invalid(name, "one string");
    }

    private static Object lookup(Map<String, Object> claims, String name) {
        if (claims.containsKey(name) || name.contains("://")) {
            return claims.get(name);
        }
        Object current = claims;
        for (String segment : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    private static IdentityException invalid(String claim, String expected) {
        return new IdentityException(IdentityErrorCode.CLAIM_INVALID, "claim '" + claim + "' must be " + expected);
    }
}
