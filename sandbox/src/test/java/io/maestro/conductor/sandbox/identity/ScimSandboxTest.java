package io.maestro.conductor.sandbox.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScimSandboxTest {

    private static final String TOKEN = "scim-sandbox-test-token";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ScimSandbox scim;

    @BeforeAll
    static void start() {
        scim = ScimSandbox.start(TOKEN);
    }

    @AfterAll
    static void stop() {
        scim.close();
    }

    @BeforeEach
    void empty() {
        scim.reset();
    }

    @Test
    void createsUsersOverHttpAndFindsThemByExternalId() throws Exception {
        HttpResponse<String> created = send("POST", "Users", user("alice", "ext-1"), TOKEN);
        send("POST", "Users", user("bob", "ext-2"), TOKEN);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode alice = JSON.readTree(created.body());
        assertThat(alice.path("id").asText()).isNotBlank();
        JsonNode found = JSON.readTree(send("GET", "Users?filter=" + encode("externalId eq \"ext-1\""), null, TOKEN)
                .body());
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").get(0).path("userName").asText()).isEqualTo("alice");
        assertThat(scim.users()).extracting(u -> u.getUserName()).containsExactly("alice", "bob");
    }

    @Test
    void pagesAfterFilteringAndCountsEveryMatch() throws Exception {
        for (int i = 1; i <= 5; i++) {
            send("POST", "Users", user("user" + i, "ext-" + i), TOKEN);
        }

        JsonNode page = JSON.readTree(
                send("GET", "Users?startIndex=2&count=2", null, TOKEN).body());

        assertThat(page.path("totalResults").asInt()).isEqualTo(5);
        assertThat(page.path("Resources"))
                .extracting(r -> r.path("userName").asText())
                .containsExactly("user2", "user3");
    }

    @Test
    void aTakenUserNameIsAConflictNamingUniqueness() throws Exception {
        send("POST", "Users", user("alice", "ext-1"), TOKEN);
        HttpResponse<String> second = send("POST", "Users", user("alice", "ext-9"), TOKEN);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).path("scimType").asText()).isEqualTo("uniqueness");
    }

    @Test
    void refusesRequestsWithoutTheBearerToken() throws Exception {
        assertThat(send("GET", "Users", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "Users", null, "wrong").statusCode()).isEqualTo(401);
        assertThat(scim.users()).isEmpty();
    }

    @Test
    void answersScriptedFailuresWithRetryAfterThenServesAgain() throws Exception {
        scim.failNext(1, 429, Duration.ofSeconds(3));

        HttpResponse<String> throttled = send("POST", "Users", user("alice", "ext-1"), TOKEN);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(scim.users()).isEmpty();
        assertThat(send("POST", "Users", user("alice", "ext-1"), TOKEN).statusCode())
                .isEqualTo(201);
    }

    @Test
    void patchesGroupMembers() throws Exception {
        String userId = JSON.readTree(
                        send("POST", "Users", user("alice", "ext-1"), TOKEN).body())
                .path("id")
                .asText();
        String groupId = JSON.readTree(send(
                                "POST",
                                "Groups",
                                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"staff\"}",
                                TOKEN)
                        .body())
                .path("id")
                .asText();

        HttpResponse<String> added = send(
                "PATCH",
                "Groups/" + groupId,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId
                        + "\"}]}]}",
                TOKEN);

        assertThat(added.statusCode()).as(added.body()).isIn(200, 204);
        assertThat(scim.groups().get(0).getMembers())
                .extracting(m -> m.getValue())
                .containsExactly(userId);
    }

    private static String user(String userName, String externalId) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"externalId\":\"" + externalId + "\",\"active\":true}";
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scim.baseUri() + path))
                .header("Accept", "application/scim+json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
