package io.maestro.conductor.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubIntegrationTest;
import io.maestro.conductor.hub.support.HubProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        Map<String, Object> config = Map.of(
                "bucket", "lumen-leak-test", "region", "europe-west1", "serviceAccountKey", "secret:leak-canary");
        Answer installed = api.postJson(
                BASE + "/adapters/leak-check",
                OPERATOR,
                password,
                Map.of("definition", "gcs-storage", "region", "europe-west1", "config", config));
        assertThat(installed.status()).isEqualTo(201);

        assertThat(api.get(BASE + "/adapters", OPERATOR, password).status()).isEqualTo(200);
        assertThat(api.get(BASE + "/adapters/leak-check", OPERATOR, password).status())
                .isEqualTo(200);
        Map<String, Object> moved = Map.of(
                "bucket", "lumen-leak-test-2", "region", "europe-west1", "serviceAccountKey", "secret:leak-canary");
        assertThat(api.putJson(
                                BASE + "/adapters/leak-check",
                                OPERATOR,
                                password,
                                Map.of("configVersion", 1, "config", moved))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/tenants/lumen/receipts", OPERATOR, password).status())
                .isEqualTo(200);
        assertThat(api.get("/api/tenants/lumen/receipts/verify", OPERATOR, password)
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/adapters/gcs-storage/dependents", OPERATOR, password)
                        .status())
                .isEqualTo(200);
        assertThat(api.delete(BASE + "/adapters/leak-check", OPERATOR, password).status())
                .isEqualTo(204);

        // Careless clients: a truncated JSON body around the value, and the value pasted into a secret field.
        assertThat(api.putJson(BASE + "/secrets/leak-canary", OPERATOR, password, "{\"value\": \"" + secret + "\"")
                        .status())
                .isEqualTo(400);
        assertThat(api.putJson(BASE + "/secrets/leak-canary", OPERATOR, password, "{\"value\": " + secret + "}")
                        .status())
                .isEqualTo(400);
        Answer pasted = api.postJson(
                BASE + "/adapters/pasted",
                OPERATOR,
                password,
                Map.of(
                        "definition",
                        "gcs-storage",
                        "region",
                        "europe-west1",
                        "config",
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

    /**
     * The same for the process as an operator runs it: everything the hub prints on stdout and stderr from start to
     * shutdown, with a secret read from the environment at start (tenant-config's {@code fromEnv}), one written over
     * the API, one sent as a wrong password, and the operator password the hub generates at first start (which it
     * once printed on the console; it now only says where the file is).
     */
    @Test
    void theHubProcessPrintsNoSecretAndNoOperatorPassword() throws Exception {
        String fromEnvironment = "env-canary-" + UUID.randomUUID();
        String written = "api-canary-" + UUID.randomUUID();
        String wrongPassword = "login-canary-" + UUID.randomUUID();
        Path dataDir = Files.createTempDirectory("hub-process-leak");
        HubProcess hub = HubProcess.start(
                dataDir, List.of("--conductor.demo-tenants=true"), Map.of("ATLAS_DEV_S3_ACCESS_KEY", fromEnvironment));
        String operatorPassword;
        try {
            operatorPassword =
                    Files.readString(dataDir.resolve("operator-password")).strip();
            assertThat(operatorPassword).as("the generated operator password").isNotBlank();
            Api process = new Api(hub.port());
            String base = "/api/tenants/atlas/environments/dev";
            assertThat(process.putJson(
                                    base + "/secrets/process-canary",
                                    OPERATOR,
                                    operatorPassword,
                                    Map.of("value", written))
                            .status())
                    .isEqualTo(204);
            assertThat(process.postJson(
                                    base + "/adapters/process-check",
                                    OPERATOR,
                                    operatorPassword,
                                    Map.of(
                                            "definition",
                                            "s3-storage",
                                            "region",
                                            "eu-west-1",
                                            "config",
                                            Map.of(
                                                    "bucket",
                                                    "leak-check",
                                                    "region",
                                                    "eu-west-1",
                                                    "accessKey",
                                                    "secret:process-canary",
                                                    "secretKey",
                                                    "secret:evidence-access-key")))
                            .status())
                    .isEqualTo(201);
            assertThat(process.putJson(
                                    base + "/secrets/process-canary",
                                    OPERATOR,
                                    operatorPassword,
                                    "{\"value\": \"" + written + "\"")
                            .status())
                    .isEqualTo(400);
            assertThat(process.get("/api/tenants", OPERATOR, wrongPassword).status())
                    .isEqualTo(401);
            assertThat(process.get("/actuator/health", OPERATOR, operatorPassword)
                            .status())
                    .isEqualTo(200);
        } finally {
            hub.close();
        }
        String output = hub.output();
        // The capture really holds the whole run, start to shutdown.
        assertThat(output).contains("Started ConductorHubApplication", "process-canary");

        for (String secret : List.of(fromEnvironment, written, wrongPassword)) {
            for (String form : encodings(secret)) {
                assertThat(output).as("secret in form %s", form).doesNotContain(form);
            }
        }
        assertThat(output).as("the operator password").doesNotContain(operatorPassword);
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
