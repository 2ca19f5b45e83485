package io.maestro.conductor.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;

/**
 * The core User attributes provisioning sets (RFC 7643 §4.1). {@code id} is the service provider's, null before
 * creation; {@code externalId} is ours (the HR or customer id) and makes a retried create find the first one.
 */
public record ScimUser(
        String id,
        String externalId,
        String userName,
        String displayName,
        String givenName,
        String familyName,
        String email,
        boolean active) {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    /**
     * What a create needs: an {@code externalId} (it is what makes a repeated create find the first one) and a
     * {@code userName}; {@code SCIM_REQUEST_INVALID} otherwise.
     */
    public void requireCreatable() {
        if (externalId == null || externalId.isBlank()) {
            throw new IdentityException(
                    IdentityErrorCode.SCIM_REQUEST_INVALID,
                    "externalId is required: it is what makes a repeated create find the first one");
        }
        if (userName == null || userName.isBlank()) {
            throw new IdentityException(IdentityErrorCode.SCIM_REQUEST_INVALID, "userName is required");
        }
    }

    public ScimUser withId(String newId) {
        return new ScimUser(newId, externalId, userName, displayName, givenName, familyName, email, active);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.putArray("schemas").add(SCHEMA);
        putIfPresent(node, "id", id);
        putIfPresent(node, "externalId", externalId);
        node.put("userName", userName);
        putIfPresent(node, "displayName", displayName);
        if (givenName != null || familyName != null) {
            ObjectNode name = node.putObject("name");
            putIfPresent(name, "givenName", givenName);
            putIfPresent(name, "familyName", familyName);
        }
        if (email != null) {
            node.putArray("emails")
                    .addObject()
                    .put("value", email)
                    .put("type", "work")
                    .put("primary", true);
        }
        node.put("active", active);
        return node;
    }

    static ScimUser fromJson(JsonNode node) {
        JsonNode emails = node.path("emails");
        String email = null;
        for (JsonNode candidate : emails) {
            if (email == null || candidate.path("primary").asBoolean(false)) {
                email = text(candidate, "value");
            }
        }
        return new ScimUser(
                text(node, "id"),
                text(node, "externalId"),
                text(node, "userName"),
                text(node, "displayName"),
                text(node.path("name"), "givenName"),
                text(node.path("name"), "familyName"),
                email,
                node.path("active").asBoolean(true));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
