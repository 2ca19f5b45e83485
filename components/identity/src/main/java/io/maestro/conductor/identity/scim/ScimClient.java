package io.maestro.conductor.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.identity.provisioning.RetryPolicy;
import io.maestro.conductor.identity.provisioning.RetryableFailure;
import io.maestro.conductor.identity.provisioning.Sleeper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Provisioning over SCIM 2.0 (RFC 7643/7644): create, update and deactivate users, add and remove group members.
 * Every operation may be repeated without changing anything the second time: a create first looks the user up by
 * {@code externalId} (and does so again before every retry, and after a 409), deactivating an inactive user and
 * adding a present member send nothing. 429/5xx/no answer are retried per {@link RetryPolicy}.
 */
public final class ScimClient {

    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private final ObjectMapper json = new ObjectMapper();
    private final ScimHttp http;

    public ScimClient(ScimSettings settings, HttpClient httpClient, Sleeper sleeper) {
        this.http = new ScimHttp(settings, httpClient, sleeper, json);
    }

    /** A client on its own HTTP/1.1 JDK client, waiting with {@code Thread.sleep} between retries. */
    public static ScimClient create(ScimSettings settings) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build();
        return new ScimClient(settings, client, Sleeper.THREAD);
    }

    /** Creates the user unless one with its {@code externalId} exists, which is then returned unchanged. */
    public ProvisionedUser createUser(ScimUser user) {
        user.requireCreatable();
        JsonNode body = user.withId(null).toJson(json);
        return http.withRetries("create user", () -> {
            Optional<ScimUser> existing = findUserByExternalIdOnce(user.externalId());
            if (existing.isPresent()) {
                return new ProvisionedUser(existing.get(), false);
            }
            try {
                JsonNode created = http.sendOnce("POST", "Users", body, false).orElseThrow();
                return new ProvisionedUser(ScimUser.fromJson(created), true);
            } catch (IdentityException conflict) {
                if (conflict.code() != IdentityErrorCode.SCIM_CONFLICT) {
                    throw conflict;
                }
                // A create that timed out may have happened after all; if not, the userName belongs to someone else.
                return findUserByExternalIdOnce(user.externalId())
                        .map(found -> new ProvisionedUser(found, false))
                        .orElseThrow(() -> conflict);
            }
        });
    }

    public Optional<ScimUser> findUserByExternalId(String externalId) {
        return http.withRetries("find user", () -> findUserByExternalIdOnce(externalId));
    }

    public Optional<ScimUser> getUser(String id) {
        return http.withRetries("get user", () -> http.sendOnce("GET", "Users/" + pathSegment(id), null, true))
                .map(ScimUser::fromJson);
    }

    /** Replaces the user's attributes (PUT, RFC 7644 §3.5.1); {@code id} and {@code externalId} stay. */
    public ScimUser updateUser(String id, ScimUser user) {
        JsonNode body = user.withId(id).toJson(json);
        return ScimUser.fromJson(http.withRetries(
                "update user",
                () -> http.sendOnce("PUT", "Users/" + pathSegment(id), body, false)
                        .orElseThrow()));
    }

    /** Sets {@code active} to false with a PATCH replace (RFC 7644 §3.5.2.3); nothing is sent for an inactive user. */
    public ScimUser deactivateUser(String id) {
        ScimUser current = getUser(id).orElseThrow(() -> notFound("user " + id));
        if (!current.active()) {
            return current;
        }
        ObjectNode patch = patch();
        patch.withArray("Operations")
                .addObject()
                .put("op", "replace")
                .put("path", "active")
                .put("value", false);
        http.withRetries("deactivate user", () -> http.sendOnce("PATCH", "Users/" + pathSegment(id), patch, false));
        return getUser(id).orElseThrow(() -> notFound("user " + id));
    }

    /** The group's id, by its {@code displayName}. */
    public Optional<String> findGroupId(String displayName) {
        return http.withRetries(
                        "find group",
                        () -> http.sendOnce(
                                "GET", "Groups?filter=" + filter("displayName", displayName) + "&count=2", null, false))
                .map(list -> single(list, "displayName", displayName))
                .map(group -> group.path("id").asText());
    }

    /** Creates the group unless one of that {@code displayName} exists; returns its id either way. */
    public String ensureGroup(String displayName) {
        return findGroupId(displayName).orElseGet(() -> {
            ObjectNode group = json.createObjectNode();
            group.putArray("schemas").add(GROUP_SCHEMA);
            group.put("displayName", displayName);
            try {
                return http.withRetries("create group", () -> http.sendOnce("POST", "Groups", group, false))
                        .orElseThrow()
                        .path("id")
                        .asText();
            } catch (IdentityException e) {
                if (e.code() != IdentityErrorCode.SCIM_CONFLICT) {
                    throw e;
                }
                return findGroupId(displayName).orElseThrow(() -> e);
            }
        });
    }

    /**
     * Adds the user to the group (PATCH add, RFC 7644 §3.5.2.1) unless it is a member already.
     *
     * @return whether anything changed
     */
    public boolean addGroupMember(String groupId, String userId) {
        if (isMember(groupId, userId)) {
            return false;
        }
        ObjectNode patch = patch();
        patch.withArray("Operations")
                .addObject()
                .put("op", "add")
                .put("path", "members")
                .putArray("value")
                .addObject()
                .put("value", userId);
        http.withRetries(
                "add group member", () -> http.sendOnce("PATCH", "Groups/" + pathSegment(groupId), patch, false));
        return true;
    }

    /**
     * Removes the user from the group (PATCH remove with a value filter, RFC 7644 §3.5.2.2) if it is a member.
     *
     * @return whether anything changed
     */
    public boolean removeGroupMember(String groupId, String userId) {
        if (!isMember(groupId, userId)) {
            return false;
        }
        ObjectNode patch = patch();
        patch.withArray("Operations")
                .addObject()
                .put("op", "remove")
                .put("path", "members[value eq " + quoted(userId) + "]");
        http.withRetries(
                "remove group member", () -> http.sendOnce("PATCH", "Groups/" + pathSegment(groupId), patch, false));
        return true;
    }

    /** The values of the user's {@code roles} (RFC 7643 §4.1.2). */
    public List<String> userRoles(String userId) {
        JsonNode user = http.withRetries(
                        "get user", () -> http.sendOnce("GET", "Users/" + pathSegment(userId), null, true))
                .orElseThrow(() -> notFound("user " + userId));
        List<String> roles = new ArrayList<>();
        for (JsonNode role : user.path("roles")) {
            roles.add(role.path("value").asText());
        }
        return roles;
    }

    /**
     * Gives the user the role (PATCH add {@code roles}) unless it has it already.
     *
     * @return whether anything changed
     */
    public boolean addUserRole(String userId, String role) {
        if (userRoles(userId).contains(role)) {
            return false;
        }
        ObjectNode patch = patch();
        patch.withArray("Operations")
                .addObject()
                .put("op", "add")
                .put("path", "roles")
                .putArray("value")
                .addObject()
                .put("value", role);
        http.withRetries("add user role", () -> http.sendOnce("PATCH", "Users/" + pathSegment(userId), patch, false));
        return true;
    }

    /**
     * Takes the role from the user (PATCH remove {@code roles[value eq "…"]}) if it has it.
     *
     * @return whether anything changed
     */
    public boolean removeUserRole(String userId, String role) {
        if (!userRoles(userId).contains(role)) {
            return false;
        }
        ObjectNode patch = patch();
        patch.withArray("Operations")
                .addObject()
                .put("op", "remove")
                .put("path", "roles[value eq " + quoted(role) + "]");
        http.withRetries(
                "remove user role", () -> http.sendOnce("PATCH", "Users/" + pathSegment(userId), patch, false));
        return true;
    }

    private boolean isMember(String groupId, String userId) {
        JsonNode group = http.withRetries(
                        "get group", () -> http.sendOnce("GET", "Groups/" + pathSegment(groupId), null, true))
                .orElseThrow(() -> notFound("group " + groupId));
        for (JsonNode member : group.path("members")) {
            if (userId.equals(member.path("value").asText())) {
                return true;
            }
        }
        return false;
    }

    private Optional<ScimUser> findUserByExternalIdOnce(String externalId) throws RetryableFailure {
        JsonNode list = http.sendOnce(
                        "GET", "Users?filter=" + filter("externalId", externalId) + "&count=2", null, false)
                .orElseThrow();
        return Optional.ofNullable(single(list, "externalId", externalId)).map(ScimUser::fromJson);
    }

    /** The one resource of a ListResponse, null for none; two are a conflict nobody should resolve by guessing. */
    private static JsonNode single(JsonNode list, String attribute, String value) {
        int total = list.path("totalResults").asInt(list.path("Resources").size());
        if (total > 1) {
            throw new IdentityException(
                    IdentityErrorCode.SCIM_CONFLICT, total + " resources have " + attribute + " " + quoted(value));
        }
        JsonNode resources = list.path("Resources");
        return resources.isArray() && resources.size() == 1 ? resources.get(0) : null;
    }

    private ObjectNode patch() {
        ObjectNode patch = json.createObjectNode();
        patch.putArray("schemas").add(PATCH_SCHEMA);
        patch.putArray("Operations");
        return patch;
    }

    /** {@code attribute eq "value"}, URL-encoded; the value is a JSON string as RFC 7644's filter grammar wants. */
    private static String filter(String attribute, String value) {
        return URLEncoder.encode(attribute + " eq " + quoted(value), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Ids come from the service provider; encode them anyway so none can reach another path. */
    private static String pathSegment(String id) {
        if (id == null || id.isBlank()) {
            throw new IdentityException(IdentityErrorCode.SCIM_REQUEST_INVALID, "an id is required");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static IdentityException notFound(String what) {
        return new IdentityException(IdentityErrorCode.SCIM_NOT_FOUND, what + " not found");
    }
}
