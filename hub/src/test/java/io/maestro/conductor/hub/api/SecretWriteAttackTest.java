package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.governance.LifecycleDecisionLog;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code PUT .../secrets/{name}} as an attacker would call it: every refusal is a 4xx problem with a stable code,
 * writes nothing and leaves no receipt. A replayed write is a write: the vault cannot tell an identical value from a
 * new one without decrypting the old, and the value was re-encrypted, so each accepted PUT is a rotation with its own
 * receipt.
 */
class SecretWriteAttackTest extends HubIntegrationTest {

    private static final String SECRETS = "/api/tenants/atlas/environments/dev/secrets/";

    @Autowired
    LifecycleDecisionLog decisions;

    @Test
    void aHugeBodyIsRefusedWith413AndWritesNothing() {
        String name = "huge-" + UUID.randomUUID().toString().substring(0, 8);
        long before = receiptCount();

        Answer refused =
                api.putJson(SECRETS + name, ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "x".repeat(2 * 1024 * 1024)));

        assertProblem(refused, 413, "REQUEST_TOO_LARGE");
        assertThat(receiptCount()).isEqualTo(before);
        assertThat(receiptsAfter(before)).doesNotContain("secret:" + name);
    }

    @Test
    void aValueOverTheSecretBoundButUnderTheBodyLimitIs400AndWritesNothing() {
        String name = "oversized-" + UUID.randomUUID().toString().substring(0, 8);
        long before = receiptCount();

        Answer refused = api.putJson(SECRETS + name, ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "x".repeat(600_000)));

        assertProblem(refused, 400, "SECRET_VALUE_TOO_LARGE");
        assertThat(receiptCount()).isEqualTo(before);
    }

    @Test
    void hostileNamesAreRefusedAsProblemsAndWriteNothing() {
        long before = receiptCount();
        List<String> hostile = List.of(
                "..",
                "%2e%2e",
                "..%2f..%2fkeys",
                "a%2Fb",
                "a%5Cb",
                "a%00b",
                "s%C3%A9cret",
                "%EF%BC%A1",
                "UPPER",
                "-leading-dash",
                "a".repeat(64),
                "a".repeat(1024 * 1024));

        for (String name : hostile) {
            Answer refused = api.putJson(SECRETS + name, ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "v"));
            assertThat(refused.status()).as("%.60s -> %s", name, refused.body()).isBetween(400, 499);
            assertThat(refused.header("Content-Type")).as("%.60s", name).startsWith("application/problem+json");
            assertThat(refused.json().path("code").asText()).as("%.60s", name).isNotBlank();
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at io.maestro");
        }
        assertThat(receiptCount()).isEqualTo(before);
    }

    @Test
    void aRefusedWriteTakesNoLifecycleDecisionSoJunkCannotFlushTheDecisionRing() {
        assertThat(api.putJson(SECRETS + "ok-name", ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "first"))
                        .status())
                .isEqualTo(204);
        List<Long> before = newestDecision();
        assertThat(before).as("the accepted write took a decision").hasSize(1);

        assertThat(api.putJson(SECRETS + "s%C3%A9cret", ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "v"))
                        .status())
                .isEqualTo(400);
        assertThat(api.putJson(SECRETS + "ok-name", ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "x".repeat(600_000)))
                        .status())
                .isEqualTo(400);
        assertThat(api.putJson(
                                "/api/tenants/atlas/environments/no-such-env/secrets/ok-name",
                                ATLAS_USER,
                                ATLAS_PASSWORD,
                                Map.of("value", "v"))
                        .status())
                .isEqualTo(404);

        assertThat(newestDecision()).isEqualTo(before);
        assertThat(api.putJson(SECRETS + "ok-name", ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "v"))
                        .status())
                .isEqualTo(204);
        assertThat(newestDecision()).isNotEqualTo(before);
    }

    @Test
    void aNameOutsideThePatternNamesThePatternNotTheName() {
        Answer refused = api.putJson(SECRETS + "s%C3%A9cret", ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "v"));
        assertProblem(refused, 400, "NAME_INVALID");
        assertThat(refused.json().path("detail").asText())
                .contains("must match")
                .doesNotContain("sécret");
    }

    @Test
    void anotherTenantsSecretAnswersExactlyLikeAnUnknownTenant() {
        Answer hidden = api.putJson(
                "/api/tenants/lumen/environments/dev/secrets/probe", ATLAS_USER, ATLAS_PASSWORD, Map.of("value", "v"));
        Answer absent = api.putJson(
                "/api/tenants/no-such-tenant/environments/dev/secrets/probe",
                OPERATOR,
                operatorPassword(),
                Map.of("value", "v"));

        assertProblem(hidden, 404, "TENANT_NOT_FOUND");
        assertProblem(absent, 404, "TENANT_NOT_FOUND");
        assertThat(hidden.json().path("title")).isEqualTo(absent.json().path("title"));
        assertThat(hidden.json().path("detail").asText().replace("lumen", "T"))
                .isEqualTo(absent.json().path("detail").asText().replace("no-such-tenant", "T"));
    }

    @Test
    void anUnknownEnvironmentIs404AndWritesNothing() {
        long before = receiptCount();
        Answer refused = api.putJson(
                "/api/tenants/atlas/environments/no-such-env/secrets/probe",
                ATLAS_USER,
                ATLAS_PASSWORD,
                Map.of("value", "v"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.json().path("code").asText()).isEqualTo("ENVIRONMENT_NOT_FOUND");
        assertThat(receiptCount()).isEqualTo(before);
    }

    @Test
    void aReplayedIdenticalWriteIsARotationWithItsOwnReceipt() {
        String name = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String value = "same-" + UUID.randomUUID();
        long before = receiptCount();

        assertThat(api.putJson(SECRETS + name, ATLAS_USER, ATLAS_PASSWORD, Map.of("value", value))
                        .status())
                .isEqualTo(204);
        assertThat(api.putJson(SECRETS + name, ATLAS_USER, ATLAS_PASSWORD, Map.of("value", value))
                        .status())
                .isEqualTo(204);

        JsonNode receipts = api.get("/api/tenants/atlas/receipts?afterSeq=" + before, OPERATOR, operatorPassword())
                .json();
        assertThat(receipts.findValuesAsText("action")).containsExactly("SECRET_CREATED", "SECRET_ROTATED");
        assertThat(receipts.findValues("valueVersion"))
                .extracting(JsonNode::asInt)
                .containsExactly(1, 2);
        assertThat(receipts.toString()).doesNotContain(value);
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo(code);
    }

    private List<Long> newestDecision() {
        return decisions.recent(1).stream()
                .map(LifecycleDecisionLog.Recorded::id)
                .toList();
    }

    private long receiptCount() {
        return api.get("/api/tenants/atlas/receipts/verify", OPERATOR, operatorPassword())
                .json()
                .path("checked")
                .asLong();
    }

    private String receiptsAfter(long seq) {
        return api.get("/api/tenants/atlas/receipts?afterSeq=" + seq, OPERATOR, operatorPassword())
                .body();
    }
}
