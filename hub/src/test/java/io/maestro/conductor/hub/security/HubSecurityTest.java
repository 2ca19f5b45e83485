package io.maestro.conductor.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubSecurityTest extends HubIntegrationTest {

    @Test
    void healthIsOpenButShowsDetailsOnlyToTheOperator() {
        Answer anonymous = api.anonymousGet("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();

        Answer scoped = api.get("/actuator/health", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(scoped.json().has("components")).isFalse();

        Answer operator = api.get("/actuator/health", OPERATOR, operatorPassword());
        assertThat(operator.json()
                        .path("components")
                        .path("workflows")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void theApiNeedsALoginAndAnswersA401Problem() {
        Answer anonymous = api.anonymousGet("/api/tenants");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.json().path("code").asText()).isEqualTo("UNAUTHENTICATED");

        assertThat(api.get("/api/tenants", OPERATOR, "not-the-password").status())
                .isEqualTo(401);
        assertThat(api.get("/api/tenants", "nobody", "whatever").status()).isEqualTo(401);
        assertThat(api.get("/api/tenants", OPERATOR, operatorPassword()).status())
                .isEqualTo(200);
    }

    @Test
    void generatedOperatorPasswordIsKeptOwnerOnly() throws Exception {
        var file = DATA_DIR.resolve("operator-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(operatorPassword()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void hawtioAndJolokiaNeedTheOperator() {
        for (String path : new String[] {"/actuator/hawtio/", "/actuator/jolokia/version", "/actuator/info"}) {
            assertThat(api.anonymousGet(path).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, ATLAS_USER, ATLAS_PASSWORD).status())
                    .as(path)
                    .isEqualTo(403);
            assertThat(api.get(path, OPERATOR, operatorPassword()).status())
                    .as(path)
                    .isEqualTo(200);
        }
        Answer version = api.get("/actuator/jolokia/version", OPERATOR, operatorPassword());
        assertThat(version.json().path("value").path("agent").asText()).isNotBlank();
        assertThat(api.get("/actuator/hawtio/", OPERATOR, operatorPassword()).body())
                .containsIgnoringCase("hawtio");
    }

    @Test
    void jolokiaWritesNeedTheCsrfToken() {
        String read = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\"}";
        Answer withoutToken = api.post("/actuator/jolokia", OPERATOR, operatorPassword(), "text/plain", read);
        assertThat(withoutToken.status()).isEqualTo(403);

        String token = "c0ffee-" + System.nanoTime();
        Answer withToken = api.post(
                "/actuator/jolokia",
                OPERATOR,
                operatorPassword(),
                "text/plain",
                read,
                "Cookie",
                "XSRF-TOKEN=" + token,
                "X-XSRF-TOKEN",
                token);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.json().path("status").asInt()).isEqualTo(200);
    }

    @Test
    void aViewerWhoSeesEveryTenantReadsTheConsoleButCannotExecuteThroughJolokia() {
        assertThat(api.get("/actuator/hawtio/", VICTOR, TEAM_PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/actuator/jolokia/read/java.lang:type=Memory/Verbose", VICTOR, TEAM_PASSWORD)
                        .status())
                .isEqualTo(200);
        Answer exec = api.get("/actuator/jolokia/exec/java.lang:type=Memory/gc", VICTOR, TEAM_PASSWORD);
        assertThat(exec.status()).isEqualTo(403);
        assertThat(exec.json().path("code").asText()).isEqualTo("FORBIDDEN");

        String token = "c0ffee-" + System.nanoTime();
        String[] csrf = {"Cookie", "XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token};
        String reads = "[{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\"},"
                + "{\"type\":\"version\"}]";
        Answer bulkRead = api.post("/actuator/jolokia", VICTOR, TEAM_PASSWORD, "text/plain", reads, csrf);
        assertThat(bulkRead.status()).isEqualTo(200);
        assertThat(bulkRead.json().get(0).path("status").asInt()).isEqualTo(200);
        String execute = "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}";
        assertThat(api.post("/actuator/jolokia", VICTOR, TEAM_PASSWORD, "text/plain", execute, csrf)
                        .status())
                .isEqualTo(403);
        Answer operatorExec = api.post("/actuator/jolokia", OPERATOR, operatorPassword(), "text/plain", execute, csrf);
        assertThat(operatorExec.status()).isEqualTo(200);
        assertThat(operatorExec.json().path("status").asInt()).isEqualTo(200);
    }

    @Test
    void theConsoleKeepsItsCsrfCookieAcrossLoggedInRequests() {
        Answer first = api.get("/actuator/hawtio/", OPERATOR, operatorPassword());
        String issued = first.header("Set-Cookie");
        assertThat(issued).startsWith("XSRF-TOKEN=").doesNotContainIgnoringCase("HttpOnly");
        String token = issued.substring("XSRF-TOKEN=".length(), issued.indexOf(';'));
        assertThat(token).isNotBlank();

        // What the console does next: page loads and several Jolokia POSTs, each sending the cookie it holds.
        Answer page =
                api.getWith("/actuator/hawtio/user", OPERATOR, operatorPassword(), "Cookie", "XSRF-TOKEN=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().getOrDefault("set-cookie", List.of()))
                .as("cookie kept, not deleted")
                .isEmpty();
        String read = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\"}";
        for (int i = 0; i < 3; i++) {
            Answer post = api.post(
                    "/actuator/jolokia",
                    OPERATOR,
                    operatorPassword(),
                    "text/plain",
                    read,
                    "Cookie",
                    "XSRF-TOKEN=" + token,
                    "X-XSRF-TOKEN",
                    token);
            assertThat(post.status()).as("POST %d", i).isEqualTo(200);
            assertThat(post.headers().getOrDefault("set-cookie", List.of()))
                    .as("POST %d", i)
                    .isEmpty();
        }
    }
}
