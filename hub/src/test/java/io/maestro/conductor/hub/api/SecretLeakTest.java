package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A whole secret's life over the API — written, referenced by an install, listed, updated, receipts
 * read and verified, uninstalled, plus the ways a careless client could leak it (malformed JSON, the
 * value pasted into a secret field) — while every log line and every response is captured. The value
 * must appear nowhere, in clear or encoded.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTest extends HubIntegrationTest {

    private static final String BASE = "/api/tenants/lumen/environments/dev";

    @Test
    void theSecretValueAppearsInNoLogLineAndNoResponse(CapturedOutput output) {
        String secret = "leak-canary-" + UUID.randomUUID();
        String password = operatorPassword();

        Answer written = api.putJson(BASE + "/secrets/leak-canary", OPERATOR, password, Map.of("value", secret));
        assertThat(written.status()).isEqualTo(204);

        Map<String, Object> config = Map.of("bucket", "lumen-leak-test", "region", "europe-west1",
                "serviceAccountKey", "secret:leak-canary");
        Answer installed = api.postJson(BASE + "/adapters/leak-check", OPERATOR, password,
                Map.of("definition", "gcs-storage", "region", "europe-west1", "config", config));
        assertThat(installed.status()).isEqualTo(201);

        assertThat(api.get(BASE + "/adapters", OPERATOR, password).status()).isEqualTo(200);
        assertThat(api.get(BASE + "/adapters/leak-check", OPERATOR, password).status()).isEqualTo(200);
        Map<String, Object> moved = Map.of("bucket", "lumen-leak-test-2", "region", "europe-west1",
                "serviceAccountKey", "secret:leak-canary");
        assertThat(api.putJson(BASE + "/adapters/leak-check", OPERATOR, password,
                Map.of("configVersion", 1, "config", moved)).status()).isEqualTo(200);
        assertThat(api.get("/api/tenants/lumen/receipts", OPERATOR, password).status()).isEqualTo(200);
        assertThat(api.get("/api/tenants/lumen/receipts/verify", OPERATOR, password).json()
                .path("valid").asBoolean()).isTrue();
        assertThat(api.get("/api/adapters/gcs-storage/dependents", OPERATOR, password).status()).isEqualTo(200);
        assertThat(api.delete(BASE + "/adapters/leak-check", OPERATOR, password).status()).isEqualTo(204);

        // Careless clients: a truncated JSON body around the value, and the value pasted into a secret field.
        assertThat(api.putJson(BASE + "/secrets/leak-canary", OPERATOR, password,
                "{\"value\": \"" + secret + "\"").status()).isEqualTo(400);
        assertThat(api.putJson(BASE + "/secrets/leak-canary", OPERATOR, password,
                "{\"value\": " + secret + "}").status()).isEqualTo(400);
        Answer pasted = api.postJson(BASE + "/adapters/pasted", OPERATOR, password,
                Map.of("definition", "gcs-storage", "region", "europe-west1", "config",
                        Map.of("bucket", "lumen-pasted", "region", "europe-west1", "serviceAccountKey", secret)));
        assertThat(pasted.status()).isEqualTo(400);
        assertThat(pasted.json().path("code").asText()).isEqualTo("SECRET_LITERAL_REJECTED");

        // The capture really holds this scenario's lines.
        assertThat(output.getAll()).contains("secret=leak-canary", "leak-check");

        String everything = output.getAll() + "\n" + api.transcript();
        for (String form : encodings(secret)) {
            assertThat(everything).as("secret in form %s", form).doesNotContain(form);
        }
    }

    private static List<String> encodings(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        return List.of(
                secret,
                Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                Base64.getMimeEncoder().encodeToString(bytes),
                HexFormat.of().formatHex(bytes),
                // the random part alone, in case a value is logged truncated or quoted
                secret.substring("leak-canary-".length()));
    }
}
