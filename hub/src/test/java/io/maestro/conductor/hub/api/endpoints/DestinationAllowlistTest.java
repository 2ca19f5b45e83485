package io.maestro.conductor.hub.api.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every key a definition marks as a destination is held to the operator's allowlist like {@code endpoint}: the
 * identity issuer and JWKS of {@code scim-identity}, the brokers of {@code kafka-eventbus} (each one). The allowlist
 * ({@link HubIntegrationTest}) has {@value HubIntegrationTest#ALLOWED_ISSUER} for issuer and jwksUrl and, in dev,
 * brokers 127.0.0.1:9092 and localhost:9093; atlas's dev {@code directory} has the issuer
 * {@code http://127.0.0.1:9001/atlas} from its tenant file, which is on no list.
 */
@ExtendWith(OutputCaptureExtension.class)
class DestinationAllowlistTest extends HubIntegrationTest {

    private static final String ADAPTERS = "/api/tenants/atlas/environments/dev/adapters/";
    private static final String CHANGE_REQUESTS = "/api/tenants/atlas/change-requests";

    @Test
    void aTenantUserCannotPointTheIdentityIssuerOrJwksAtAnotherHostAndNothingIsStored() {
        Answer before = api.get(ADAPTERS + "directory", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        long receipts = receiptCount();

        for (Map.Entry<String, String> hostile : List.of(
                Map.entry("issuer", "https://evil.example/realms/atlas"),
                Map.entry("jwksUrl", "https://evil.example/certs"),
                Map.entry("userInfoUrl", "http://127.0.0.1:9001/atlas/userinfo"),
                Map.entry("issuer", "http://localhost:9001@evil.example/realms/atlas"),
                Map.entry("issuer", "http://localhost:9002/realms/atlas"),
                Map.entry("issuer", "https://localhost:9001/realms/atlas"),
                Map.entry("issuer", "http://localhost:9001/realms/atlas-evil"),
                Map.entry("issuer", "http://localhost:9001/realms/atlas/../other"),
                Map.entry("jwksUrl", "http://localhost.evil.example:9001/realms/atlas"),
                Map.entry("jwksUrl", "http://2130706433:9001/realms/atlas"),
                Map.entry("jwksUrl", "http://0177.0.0.1:9001/realms/atlas"))) {
            ObjectNode config =
                    ((ObjectNode) before.json().path("config").deepCopy()).put(hostile.getKey(), hostile.getValue());
            Answer update = api.putJson(
                    ADAPTERS + "directory",
                    ATLAS_USER,
                    ATLAS_PASSWORD,
                    Map.of("config", config),
                    "If-Match",
                    before.header("ETag"));
            assertNotAllowed(update, hostile.getKey());
        }

        Answer after = api.get(ADAPTERS + "directory", ATLAS_USER, ATLAS_PASSWORD);
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(after.json().path("config")).isEqualTo(before.json().path("config"));

        Answer install = api.postJson(
                ADAPTERS + "rogue-idp",
                ATLAS_USER,
                ATLAS_PASSWORD,
                identity(Map.of("issuer", "https://evil.example/realms/atlas")));
        assertNotAllowed(install, "issuer");
        assertThat(api.get(ADAPTERS + "rogue-idp", ATLAS_USER, ATLAS_PASSWORD).status())
                .isEqualTo(404);
        assertThat(receiptCount()).as("no receipt for a refused change").isEqualTo(receipts);
    }

    @Test
    void everyKafkaBrokerOfTheListIsChecked() {
        long receipts = receiptCount();
        for (String brokers : List.of(
                "127.0.0.1:9092,evil.example:9092",
                "evil.example:9092,127.0.0.1:9092",
                "127.0.0.1:9093",
                "127.0.0.1:9092,[::1]:9092",
                "127.0.0.1:9092,2130706433:9092")) {
            Answer install = api.postJson(ADAPTERS + "rogue-bus", ATLAS_USER, ATLAS_PASSWORD, kafka(brokers));
            assertNotAllowed(install, "brokers");
            assertThat(install.json().path("detail").asText()).doesNotContain("'127.0.0.1:9092");
        }
        assertThat(api.get(ADAPTERS + "rogue-bus", ATLAS_USER, ATLAS_PASSWORD).status())
                .isEqualTo(404);
        assertThat(receiptCount()).isEqualTo(receipts);
    }

    @Test
    void theChangeRequestPathIsHeldToTheSameListAndAllowlistedOrUnchangedDestinationsPass() {
        List<String> before = changeRequestIds();
        Answer hostile = api.postJson(
                CHANGE_REQUESTS,
                ATLAS_USER,
                ATLAS_PASSWORD,
                Map.of(
                        "environment", "dev",
                        "instance", "rogue-bus",
                        "operation", "install",
                        "definition", "kafka-eventbus",
                        "region", "eu-west-1",
                        "config", Map.of("brokers", "localhost:9093,evil.example:9092")));
        assertNotAllowed(hostile, "brokers");
        Answer current = api.get(ADAPTERS + "directory", ATLAS_USER, ATLAS_PASSWORD);
        ObjectNode moved =
                ((ObjectNode) current.json().path("config").deepCopy()).put("jwksUrl", "https://evil.example/jwks");
        assertNotAllowed(api.postJson(CHANGE_REQUESTS, ATLAS_USER, ATLAS_PASSWORD, update(current, moved)), "jwksUrl");
        assertThat(changeRequestIds()).isEqualTo(before);

        // on the list, written differently (case, trailing dot, a path below the allowed one)
        Answer listed = api.postJson(
                CHANGE_REQUESTS,
                ATLAS_USER,
                ATLAS_PASSWORD,
                Map.of(
                        "environment", "dev",
                        "instance", "good-bus",
                        "operation", "install",
                        "definition", "kafka-eventbus",
                        "region", "eu-west-1",
                        "config", Map.of("brokers", "127.0.0.1:9092,LOCALHOST:9093")));
        assertThat(listed.status()).as(listed.body()).isEqualTo(202);
        ObjectNode allowedJwks = ((ObjectNode) current.json().path("config").deepCopy())
                .put("jwksUrl", "http://LocalHost.:9001/realms/atlas/protocol/openid-connect/certs");
        Answer jwks = api.postJson(CHANGE_REQUESTS, ATLAS_USER, ATLAS_PASSWORD, update(current, allowedJwks));
        assertThat(jwks.status()).as(jwks.body()).isEqualTo(202);
        // the directory's issuer is on no list, but left as it is it passes
        ObjectNode unchanged =
                ((ObjectNode) current.json().path("config").deepCopy()).put("clientId", "conductor-renamed");
        Answer kept = api.postJson(CHANGE_REQUESTS, ATLAS_USER, ATLAS_PASSWORD, update(current, unchanged));
        assertThat(kept.status()).as(kept.body()).isEqualTo(202);
        for (Answer pending : List.of(listed, jwks, kept)) {
            String id = pending.json().path("changeRequest").path("id").asText();
            assertThat(api.postJson(
                                    CHANGE_REQUESTS + "/" + id + "/reject",
                                    OPERATOR,
                                    operatorPassword(),
                                    Map.of("reason", "test"))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void credentialsInADestinationUrlStayOutOfTheAnswerAndTheAuditLog(CapturedOutput output) {
        Answer install = api.postJson(
                ADAPTERS + "leaky-idp",
                ATLAS_USER,
                ATLAS_PASSWORD,
                identity(
                        Map.of(
                                "issuer",
                                ALLOWED_ISSUER,
                                "jwksUrl",
                                "http://idp-admin:hunter2-in-url@localhost:9001/realms/atlas/certs?access_token=tok-in-query")));

        assertNotAllowed(install, "jwksUrl");
        assertThat(install.json().path("detail").asText()).contains("http://****@localhost:9001/…");
        assertThat(install.body()).doesNotContain("hunter2-in-url", "idp-admin", "tok-in-query");
        assertThat(output.getAll())
                .contains("event=endpoint_refused caller=" + ATLAS_USER)
                .contains("key=jwksUrl")
                .doesNotContain("hunter2-in-url", "idp-admin", "tok-in-query");
    }

    @Test
    void theOperatorMaySetADestinationOffTheListAndThatIsAudited(CapturedOutput output) {
        Answer installed = api.postJson(
                ADAPTERS + "operator-idp",
                OPERATOR,
                operatorPassword(),
                identity(Map.of("issuer", "http://127.0.0.1:9/operator-choice")));
        assertThat(installed.status()).as(installed.body()).isIn(201, 202);
        assertThat(output.getAll())
                .contains("event=endpoint_off_allowlist caller=" + OPERATOR)
                .contains("definition=scim-identity key=issuer endpoint=http://127.0.0.1:9/…");
        if (installed.status() == 201) {
            assertThat(api.delete(ADAPTERS + "operator-idp", OPERATOR, operatorPassword())
                            .status())
                    .isEqualTo(204);
        }
    }

    private static Map<String, Object> identity(Map<String, String> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                "issuer", ALLOWED_ISSUER,
                "clientId", "conductor",
                "endpoint", "http://127.0.0.1:9002/",
                "scimToken", "secret:directory-scim-token"));
        config.putAll(overrides);
        return Map.of("definition", "scim-identity", "region", "eu-west-1", "config", config);
    }

    private static Map<String, Object> kafka(String brokers) {
        return Map.of("definition", "kafka-eventbus", "region", "eu-west-1", "config", Map.of("brokers", brokers));
    }

    private static Map<String, Object> update(Answer current, JsonNode config) {
        return Map.of(
                "environment", "dev",
                "instance", "directory",
                "operation", "update",
                "configVersion", current.json().path("configVersion").asInt(),
                "config", config);
    }

    private long receiptCount() {
        return api.get("/api/tenants/atlas/receipts/verify", OPERATOR, operatorPassword())
                .json()
                .path("checked")
                .asLong();
    }

    private List<String> changeRequestIds() {
        return api.get(CHANGE_REQUESTS + "?limit=1000", OPERATOR, operatorPassword())
                .json()
                .findValuesAsText("id");
    }

    private static void assertNotAllowed(Answer answer, String key) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo("ENDPOINT_NOT_ALLOWED");
        assertThat(answer.json().path("detail").asText()).contains("config key '" + key + "'");
    }
}
