package io.maestro.conductor.identity.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a provisioning backend must do per RFC 7644 (and the RFC 7643 core schemas), over plain HTTP, whatever
 * serves it: resources and their errors, filters, pagination, PATCH. A backend's test extends this and says where
 * the service provider is and how to start from an empty one.
 */
abstract class ScimConformanceSuite {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The service provider's base URI (endpoints {@code Users}, {@code Groups} below it). */
    protected abstract URI baseUri();

    protected abstract String bearerToken();

    /** Removes every user and group. */
    protected abstract void empty();

    @BeforeEach
    void emptyProvider() {
        empty();
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {}

    Answer send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve(path))
                .header("Accept", "application/scim+json")
                .header("Authorization", "Bearer " + bearerToken())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json =
                response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    String createUser(String userName, String externalId, String givenName) throws Exception {
        Answer created = send(
                "POST",
                "Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"" + userName + "\",\"externalId\":\"" + externalId + "\",\"active\":true,"
                        + "\"name\":{\"givenName\":\"" + givenName + "\",\"familyName\":\"Test\"}}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    static String filter(String expression) {
        return "filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // RFC 7644 §3.3: 201 with the resource, its server-assigned id and the schemas it carries.
    @Test
    void createAnswers201WithTheResourceAndItsId() throws Exception {
        Answer created = send(
                "POST",
                "Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"alice\",\"externalId\":\"e-1\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("id").asText()).isNotBlank();
        assertThat(created.body().path("userName").asText()).isEqualTo("alice");
        assertThat(created.body().path("schemas").toString()).contains("urn:ietf:params:scim:schemas:core:2.0:User");
    }

    // RFC 7644 §3.4.1 and §3.12: an unknown id is 404 in the Error schema.
    @Test
    void anUnknownIdIs404InTheErrorSchema() throws Exception {
        Answer missing = send("GET", "Users/does-not-exist", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("schemas").toString()).contains(ERROR_SCHEMA);
        assertThat(missing.body().path("status").asText()).isEqualTo("404");
    }

    // RFC 7644 §3.3 and §3.12: a second userName is 409 with scimType "uniqueness".
    @Test
    void aDuplicateUserNameIs409Uniqueness() throws Exception {
        createUser("alice", "e-1", "Alice");
        Answer duplicate = send(
                "POST",
                "Users",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"alice\",\"externalId\":\"e-2\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().path("scimType").asText()).isEqualTo("uniqueness");
    }

    // RFC 7644 §3.4.2.2: eq, sw, co, pr, and/or, on simple and complex (sub-)attributes.
    @Test
    void filtersSelectByOperator() throws Exception {
        createUser("alice", "e-1", "Alice");
        createUser("albert", "e-2", "Albert");
        createUser("bob", "e-3", "Bob");

        assertThat(names(send("GET", "Users?" + filter("externalId eq \"e-2\""), null)))
                .containsExactly("albert");
        assertThat(names(send("GET", "Users?" + filter("userName sw \"al\""), null)))
                .containsExactlyInAnyOrder("alice", "albert");
        assertThat(names(send("GET", "Users?" + filter("userName co \"ob\""), null)))
                .containsExactly("bob");
        assertThat(names(send("GET", "Users?" + filter("name.givenName eq \"Bob\""), null)))
                .containsExactly("bob");
        assertThat(names(send("GET", "Users?" + filter("userName sw \"al\" and externalId eq \"e-1\""), null)))
                .containsExactly("alice");
        assertThat(names(send("GET", "Users?" + filter("externalId eq \"e-1\" or externalId eq \"e-3\""), null)))
                .containsExactlyInAnyOrder("alice", "bob");
        assertThat(names(send("GET", "Users?" + filter("externalId pr"), null))).hasSize(3);
    }

    // RFC 7644 §3.4.2: a query is a ListResponse; no match is totalResults 0.
    @Test
    void aFilterWithoutMatchesIsAnEmptyListResponse() throws Exception {
        createUser("alice", "e-1", "Alice");

        Answer none = send("GET", "Users?" + filter("externalId eq \"nobody\""), null);

        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().path("schemas").toString()).contains(LIST_SCHEMA);
        assertThat(none.body().path("totalResults").asInt(-1)).isZero();
    }

    // RFC 7644 §3.4.2.2 and §3.12: a filter that does not parse is 400 with scimType "invalidFilter".
    @Test
    void aBrokenFilterIs400InvalidFilter() throws Exception {
        Answer broken = send("GET", "Users?" + filter("userName eq"), null);

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().path("scimType").asText()).isEqualTo("invalidFilter");
    }

    // RFC 7644 §3.4.2.4: 1-based startIndex, count, totalResults counts every match, itemsPerPage the page.
    @Test
    void pagesWithStartIndexAndCount() throws Exception {
        for (int i = 1; i <= 5; i++) {
            createUser("user" + i, "e-" + i, "User" + i);
        }

        Answer page = send("GET", "Users?startIndex=4&count=2", null);
        Answer beyond = send("GET", "Users?startIndex=9&count=2", null);

        assertThat(page.body().path("totalResults").asInt()).isEqualTo(5);
        assertThat(page.body().path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.body().path("startIndex").asInt()).isEqualTo(4);
        assertThat(names(page)).containsExactly("user4", "user5");
        // RFC 7644 wants totalResults 5 here too; SCIMple 1.0.0-M1 answers 0 for an empty page (README).
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(names(beyond)).isEmpty();
    }

    // RFC 7644 §3.5.2.3: replace with a path; §3.5.2.1: add without a path takes an object of attributes.
    @Test
    void patchReplacesByPathAndAddsWithoutOne() throws Exception {
        String id = createUser("alice", "e-1", "Alice");

        Answer replaced = send(
                "PATCH",
                "Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        Answer added = send(
                "PATCH",
                "Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"add\",\"value\":{\"displayName\":\"Alice L.\"}}]}");

        assertThat(replaced.status()).as(replaced.raw().body()).isIn(200, 204);
        assertThat(added.status()).as(added.raw().body()).isIn(200, 204);
        JsonNode user = send("GET", "Users/" + id, null).body();
        assertThat(user.path("active").asBoolean(true)).isFalse();
        assertThat(user.path("displayName").asText()).isEqualTo("Alice L.");
    }

    // Entra ID's provisioning sends capitalized ops ("Replace"; RFC 7644 §3.5.2 names them in lower case, servers
    // accept both) and several operations in one request.
    @Test
    void patchAcceptsEntraStyleCapitalizedOps() throws Exception {
        String id = createUser("alice", "e-1", "Alice");

        Answer patched = send(
                "PATCH",
                "Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Alice E.\"},"
                        + "{\"op\":\"Add\",\"path\":\"title\",\"value\":\"Engineer\"}]}");

        assertThat(patched.status()).as(patched.raw().body()).isIn(200, 204);
        JsonNode user = send("GET", "Users/" + id, null).body();
        assertThat(user.path("displayName").asText()).isEqualTo("Alice E.");
        assertThat(user.path("title").asText()).isEqualTo("Engineer");
    }

    // RFC 7644 §3.5.2.2: remove with a value filter on a multi-valued attribute removes only the matching value.
    @Test
    void patchRemovesOneGroupMemberByValueFilter() throws Exception {
        String alice = createUser("alice", "e-1", "Alice");
        String bob = createUser("bob", "e-2", "Bob");
        Answer group = send(
                "POST",
                "Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                        + "\"displayName\":\"staff\",\"members\":[{\"value\":\"" + alice + "\"},{\"value\":\"" + bob
                        + "\"}]}");
        String groupId = group.body().path("id").asText();

        Answer removed = send(
                "PATCH",
                "Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}]}");

        assertThat(group.status()).isEqualTo(201);
        assertThat(removed.status()).as(removed.raw().body()).isIn(200, 204);
        JsonNode members = send("GET", "Groups/" + groupId, null).body().path("members");
        assertThat(members).extracting(m -> m.path("value").asText()).containsExactly(bob);
    }

    // RFC 7644 §3.5.1: PUT replaces the resource; §3.6: DELETE answers 204, then the id is gone.
    @Test
    void putReplacesAndDeleteRemoves() throws Exception {
        String id = createUser("alice", "e-1", "Alice");

        Answer replaced = send(
                "PUT",
                "Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]," + "\"id\":\"" + id
                        + "\",\"userName\":\"alice\",\"externalId\":\"e-1\",\"displayName\":\"Replaced\"}");
        Answer deleted = send("DELETE", "Users/" + id, null);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().path("displayName").asText()).isEqualTo("Replaced");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(send("GET", "Users/" + id, null).status()).isEqualTo(404);
    }

    private static List<String> names(Answer list) {
        List<String> names = new ArrayList<>();
        for (JsonNode resource : list.body().path("Resources")) {
            names.add(resource.path("userName").asText());
        }
        return names;
    }
}
