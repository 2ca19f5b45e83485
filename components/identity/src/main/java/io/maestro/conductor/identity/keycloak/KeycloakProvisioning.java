package io.maestro.conductor.identity.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.identity.provisioning.Provisioning;
import io.maestro.conductor.identity.provisioning.RetryableFailure;
import io.maestro.conductor.identity.provisioning.Sleeper;
import io.maestro.conductor.identity.scim.ProvisionedUser;
import io.maestro.conductor.identity.scim.ScimUser;
import java.net.http.HttpClient;
import java.util.Optional;

/**
 * Provisioning through Keycloak's admin REST API (documented for 26.x): users are realm users whose
 * {@code externalId} (and {@code displayName}) are user attributes, groups are top-level realm groups (created on
 * first assign), roles are realm roles, which must exist ({@code SCIM_NOT_FOUND} otherwise). A user is found by
 * {@code GET users?q=externalId:"…"&exact=true}, which only works when the realm's user profile declares the
 * attribute (since Keycloak 24 attributes it does not declare are dropped): a create whose attribute was dropped is
 * undone and refused, so a realm set up wrong never yields users a retry cannot find. Every operation may be
 * repeated and then changes nothing; 429/5xx/no answer are retried honouring {@code Retry-After}.
 */
public final class KeycloakProvisioning implements Provisioning {

    static final String EXTERNAL_ID = "externalId";
    static final String DISPLAY_NAME = "displayName";
    private static final String PROBE_EXTERNAL_ID = "conductor-probe";

    private final ObjectMapper json = new ObjectMapper();
    private final KeycloakAdminHttp admin;

    public KeycloakProvisioning(KeycloakSettings settings, HttpClient http, Sleeper sleeper) {
        this.admin = new KeycloakAdminHttp(settings, http, sleeper, json);
    }

    /** On its own HTTP/1.1 JDK client, waiting with {@code Thread.sleep} between retries. */
    public static KeycloakProvisioning create(KeycloakSettings settings) {
        return new KeycloakProvisioning(
                settings,
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(settings.timeout())
                        .build(),
                Sleeper.THREAD);
    }

    @Override
    public ProvisionedUser createUser(ScimUser user) {
        user.requireCreatable();
        ObjectNode representation = representation(json.createObjectNode(), user);
        return admin.withRetries("create user", () -> {
            Optional<JsonNode> existing = findOnce(user.externalId());
            if (existing.isPresent()) {
                return new ProvisionedUser(toUser(existing.get()), false);
            }
            String id;
            try {
                id = admin.send("POST", "users", representation, false).createdId();
            } catch (IdentityException conflict) {
                if (conflict.code() != IdentityErrorCode.SCIM_CONFLICT) {
                    throw conflict;
                }
                // A create that timed out may have happened after all; if not, the name belongs to someone else.
                return findOnce(user.externalId())
                        .map(found -> new ProvisionedUser(toUser(found), false))
                        .orElseThrow(() -> conflict);
            }
            JsonNode created = getOnce(id);
            if (!user.externalId().equals(attribute(created, EXTERNAL_ID))) {
                admin.send("DELETE", "users/" + KeycloakAdminHttp.segment(id), null, true);
                throw new IdentityException(
                        IdentityErrorCode.SCIM_REQUEST_INVALID,
                        "Keycloak dropped the user attribute externalId, so the user was removed again: the realm's "
                                + "user profile must declare externalId (runbooks/scim.md)");
            }
            return new ProvisionedUser(toUser(created), true);
        });
    }

    @Override
    public Optional<ScimUser> findUserByExternalId(String externalId) {
        return admin.withRetries("find user", () -> findOnce(externalId)).map(KeycloakProvisioning::toUser);
    }

    /** Replaces the user's attributes: other attributes an administrator set on the user stay. */
    @Override
    public ScimUser updateUser(String id, ScimUser user) {
        return admin.withRetries("update user", () -> {
            ObjectNode current = (ObjectNode) getOnce(id);
            admin.send("PUT", userPath(id), representation(current, user), false);
            return toUser(getOnce(id));
        });
    }

    @Override
    public ScimUser deactivateUser(String id) {
        return admin.withRetries("deactivate user", () -> {
            ObjectNode current = (ObjectNode) getOnce(id);
            if (!current.path("enabled").asBoolean(true)) {
                return toUser(current);
            }
            current.put("enabled", false);
            admin.send("PUT", userPath(id), current, false);
            return toUser(getOnce(id));
        });
    }

    @Override
    public boolean assignGroup(String userId, String group) {
        return admin.withRetries("assign group", () -> {
            getOnce(userId);
            String groupId = findGroupOnce(group).orElse(null);
            if (groupId == null) {
                groupId = createGroupOnce(group);
            } else if (isMemberOnce(userId, groupId, group)) {
                return false;
            }
            admin.send("PUT", userPath(userId) + "/groups/" + KeycloakAdminHttp.segment(groupId), null, false);
            return true;
        });
    }

    @Override
    public boolean removeGroup(String userId, String group) {
        return admin.withRetries("remove group", () -> {
            getOnce(userId);
            Optional<String> groupId = findGroupOnce(group);
            if (groupId.isEmpty() || !isMemberOnce(userId, groupId.get(), group)) {
                return false;
            }
            admin.send("DELETE", userPath(userId) + "/groups/" + KeycloakAdminHttp.segment(groupId.get()), null, true);
            return true;
        });
    }

    @Override
    public boolean assignRole(String userId, String role) {
        return admin.withRetries("assign role", () -> {
            JsonNode realmRole = roleOnce(role);
            if (hasRoleOnce(userId, role)) {
                return false;
            }
            admin.send(
                    "POST",
                    userPath(userId) + "/role-mappings/realm",
                    json.createArrayNode().add(realmRole),
                    false);
            return true;
        });
    }

    @Override
    public boolean removeRole(String userId, String role) {
        return admin.withRetries("remove role", () -> {
            JsonNode realmRole = roleOnce(role);
            if (!hasRoleOnce(userId, role)) {
                return false;
            }
            admin.send(
                    "DELETE",
                    userPath(userId) + "/role-mappings/realm",
                    json.createArrayNode().add(realmRole),
                    false);
            return true;
        });
    }

    /** A token by the client credentials grant and a search: proves address, realm, credentials and user rights. */
    @Override
    public void probe() {
        findUserByExternalId(PROBE_EXTERNAL_ID);
    }

    private Optional<JsonNode> findOnce(String externalId) throws RetryableFailure {
        String query = EXTERNAL_ID + ":" + quoted(externalId);
        JsonNode list = admin.send(
                        "GET",
                        "users?exact=true&briefRepresentation=false&max=2&q=" + KeycloakAdminHttp.segment(query),
                        null,
                        false)
                .body();
        JsonNode found = null;
        int matches = 0;
        for (JsonNode candidate : list) {
            if (externalId.equals(attribute(candidate, EXTERNAL_ID))) {
                found = candidate;
                matches++;
            }
        }
        if (matches > 1) {
            throw new IdentityException(IdentityErrorCode.SCIM_CONFLICT, matches + " users have the same externalId");
        }
        return Optional.ofNullable(found);
    }

    private JsonNode getOnce(String id) throws RetryableFailure {
        KeycloakAdminHttp.Answer answer = admin.send("GET", userPath(id), null, true);
        if (answer.status() == 404) {
            throw new IdentityException(IdentityErrorCode.SCIM_NOT_FOUND, "user " + id + " not found");
        }
        return answer.body();
    }

    /** The id of the top-level group of that name (Keycloak's search also matches subgroups and substrings). */
    private Optional<String> findGroupOnce(String name) throws RetryableFailure {
        JsonNode groups = admin.send(
                        "GET",
                        "groups?exact=true&briefRepresentation=true&search=" + KeycloakAdminHttp.segment(name),
                        null,
                        false)
                .body();
        for (JsonNode group : groups) {
            if (name.equals(group.path("name").asText())
                    && "/".concat(name).equals(group.path("path").asText())) {
                return Optional.of(group.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private String createGroupOnce(String name) throws RetryableFailure {
        try {
            return admin.send("POST", "groups", json.createObjectNode().put("name", name), false)
                    .createdId();
        } catch (IdentityException e) {
            if (e.code() != IdentityErrorCode.SCIM_CONFLICT) {
                throw e;
            }
            return findGroupOnce(name).orElseThrow(() -> e); // created by a concurrent assign
        }
    }

    private boolean isMemberOnce(String userId, String groupId, String name) throws RetryableFailure {
        JsonNode groups = admin.send(
                        "GET",
                        userPath(userId) + "/groups?briefRepresentation=true&search=" + KeycloakAdminHttp.segment(name),
                        null,
                        false)
                .body();
        for (JsonNode group : groups) {
            if (groupId.equals(group.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode roleOnce(String role) throws RetryableFailure {
        KeycloakAdminHttp.Answer answer = admin.send("GET", "roles/" + KeycloakAdminHttp.segment(role), null, true);
        if (answer.status() == 404) {
            throw new IdentityException(IdentityErrorCode.SCIM_NOT_FOUND, "the realm has no role " + quoted(role));
        }
        return answer.body();
    }

    /** Whether the user holds the realm role directly (composite or group-inherited roles are not ours to remove). */
    private boolean hasRoleOnce(String userId, String role) throws RetryableFailure {
        KeycloakAdminHttp.Answer answer = admin.send("GET", userPath(userId) + "/role-mappings/realm", null, true);
        if (answer.status() == 404) {
            throw new IdentityException(IdentityErrorCode.SCIM_NOT_FOUND, "user " + userId + " not found");
        }
        for (JsonNode mapped : answer.body()) {
            if (role.equals(mapped.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** {@code user}'s attributes written onto a Keycloak UserRepresentation (others it holds are kept). */
    private ObjectNode representation(ObjectNode target, ScimUser user) {
        target.put("username", user.userName());
        putOrRemove(target, "firstName", user.givenName());
        putOrRemove(target, "lastName", user.familyName());
        putOrRemove(target, "email", user.email());
        target.put("enabled", user.active());
        ObjectNode attributes = target.path("attributes").isObject()
                ? (ObjectNode) target.path("attributes")
                : target.putObject("attributes");
        setAttribute(attributes, EXTERNAL_ID, user.externalId());
        setAttribute(attributes, DISPLAY_NAME, user.displayName());
        return target;
    }

    private static void putOrRemove(ObjectNode node, String field, String value) {
        if (value == null) {
            node.remove(field);
        } else {
            node.put(field, value);
        }
    }

    private static void setAttribute(ObjectNode attributes, String name, String value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            ArrayNode values = attributes.putArray(name);
            values.add(value);
        }
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && values.size() > 0 ? values.get(0).asText() : null;
    }

    static ScimUser toUser(JsonNode user) {
        return new ScimUser(
                text(user, "id"),
                attribute(user, EXTERNAL_ID),
                text(user, "username"),
                attribute(user, DISPLAY_NAME),
                text(user, "firstName"),
                text(user, "lastName"),
                text(user, "email"),
                user.path("enabled").asBoolean(true));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String userPath(String id) {
        return "users/" + KeycloakAdminHttp.segment(id);
    }

    /** A quoted value of Keycloak's {@code q} search (backslash escapes), so spaces and colons stay in it. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
