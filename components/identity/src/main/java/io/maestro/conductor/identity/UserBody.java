package io.maestro.conductor.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.identity.scim.ScimUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The user of a create_user or update_user call, from a map body or its JSON text: {@code externalId},
 * {@code userName}, {@code displayName}, {@code givenName}, {@code familyName}, {@code email} (strings, each at most
 * {@value #MAX_CHARS} characters, no control characters) and {@code active} (default true). Any other field is
 * refused rather than dropped, so a misspelt one is not silently lost. The answer of a user operation is
 * {@link #toMap(ScimUser)}.
 */
final class UserBody {

    static final int MAX_CHARS = 256;
    private static final Set<String> TEXT_FIELDS =
            Set.of("externalId", "userName", "displayName", "givenName", "familyName", "email");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private UserBody() {}

    static ScimUser parse(Object body) {
        Map<?, ?> fields = fields(body);
        for (Object key : fields.keySet()) {
            if (!TEXT_FIELDS.contains(String.valueOf(key)) && !"active".equals(key)) {
                throw invalid("unknown user field " + quoted(String.valueOf(key)));
            }
        }
        Object active = fields.get("active");
        if (active != null && !(active instanceof Boolean)) {
            throw invalid("active must be true or false");
        }
        return new ScimUser(
                null,
                text(fields, "externalId"),
                text(fields, "userName"),
                text(fields, "displayName"),
                text(fields, "givenName"),
                text(fields, "familyName"),
                text(fields, "email"),
                active == null || (Boolean) active);
    }

    static Map<String, Object> toMap(ScimUser user) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", user.id());
        map.put("externalId", user.externalId());
        map.put("userName", user.userName());
        map.put("displayName", user.displayName());
        map.put("givenName", user.givenName());
        map.put("familyName", user.familyName());
        map.put("email", user.email());
        map.put("active", user.active());
        return map;
    }

    /** A name (group, role, id) from a header: required, bounded, printable. */
    static String name(Object value, String what) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(what + " is required");
        }
        return checked(text, what);
    }

    private static Map<?, ?> fields(Object body) {
        if (body instanceof Map<?, ?> map) {
            return map;
        }
        if (body instanceof String text) {
            try {
                return JSON.readValue(text, MAP);
            } catch (JsonProcessingException e) {
                throw invalid("the user body is not a JSON object");
            }
        }
        throw invalid("the user body must be a map or a JSON object");
    }

    private static String text(Map<?, ?> fields, String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid(field + " must be a string");
        }
        return checked(text, field);
    }

    private static String checked(String text, String what) {
        if (text.length() > MAX_CHARS) {
            throw invalid(what + " is longer than " + MAX_CHARS + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw invalid(what + " contains a control character");
            }
        }
        return text;
    }

    /** Field names are the caller's text: bounded before they are quoted back. */
    private static String quoted(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static IdentityException invalid(String detail) {
        return new IdentityException(IdentityErrorCode.SCIM_REQUEST_INVALID, detail);
    }
}
