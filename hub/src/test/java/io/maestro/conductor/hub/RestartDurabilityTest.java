package io.maestro.conductor.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.HubProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stop the hub, start a new one on the same data dir: nothing installed through the API is lost. */
class RestartDurabilityTest {

    private static final String OPERATOR_PASSWORD = "restart-test-" + UUID.randomUUID();
    private static final String ADAPTERS = "/api/tenants/atlas/environments/dev/adapters";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        Map<String, String> properties = new HashMap<>(HubProperties.embeddedDefault(dataDir));
        properties.put("server.port", "0");
        properties.put("conductor.operator.password", OPERATOR_PASSWORD);
        return new SpringApplicationBuilder(ConductorHubApplication.class).run(HubProperties.asArguments(properties));
    }

    private static Api apiOf(ConfigurableApplicationContext hub) {
        return new Api(((WebServerApplicationContext) hub).getWebServer().getPort());
    }

    @Test
    void instanceSecretAndReceiptChainSurviveARestart() {
        JsonNode installedBefore;
        JsonNode receiptsBefore;
        try (ConfigurableApplicationContext hub = start()) {
            Api api = apiOf(hub);
            assertThat(api.putJson(
                                    "/api/tenants/atlas/environments/dev/secrets/durable-key",
                                    "operator",
                                    OPERATOR_PASSWORD,
                                    Map.of("value", "durable-" + UUID.randomUUID()))
                            .status())
                    .isEqualTo(204);
            Answer installed = api.postJson(
                    ADAPTERS + "/durable",
                    "operator",
                    OPERATOR_PASSWORD,
                    Map.of(
                            "definition",
                            "gcs-storage",
                            "region",
                            "europe-west1",
                            "config",
                            Map.of(
                                    "bucket",
                                    "atlas-durable",
                                    "region",
                                    "europe-west1",
                                    "serviceAccountKey",
                                    "secret:durable-key")));
            assertThat(installed.status()).isEqualTo(201);
            installedBefore = installed.json();
            // The configured password (CONDUCTOR_OPERATOR_PASSWORD's property) won: nothing generated or kept.
            assertThat(dataDir.resolve("operator-password")).doesNotExist();
            receiptsBefore = api.get("/api/tenants/atlas/receipts?limit=500", "operator", OPERATOR_PASSWORD)
                    .json();
        }

        try (ConfigurableApplicationContext hub = start()) {
            Api api = apiOf(hub);
            Answer instance = api.get(ADAPTERS + "/durable", "operator", OPERATOR_PASSWORD);
            assertThat(instance.status()).isEqualTo(200);
            assertThat(instance.json()).isEqualTo(installedBefore);

            JsonNode receipts = api.get("/api/tenants/atlas/receipts?limit=500", "operator", OPERATOR_PASSWORD)
                    .json();
            assertThat(receipts).isEqualTo(receiptsBefore);
            JsonNode verify = api.get("/api/tenants/atlas/receipts/verify", "operator", OPERATOR_PASSWORD)
                    .json();
            assertThat(verify.path("valid").asBoolean()).isTrue();
            assertThat(verify.path("checked").asLong()).isEqualTo(receiptsBefore.size());

            // The secret is still there: a new install may reference it.
            Answer second = api.postJson(
                    ADAPTERS + "/durable-2",
                    "operator",
                    OPERATOR_PASSWORD,
                    Map.of(
                            "definition",
                            "gcs-storage",
                            "region",
                            "europe-west1",
                            "config",
                            Map.of(
                                    "bucket",
                                    "atlas-durable-2",
                                    "region",
                                    "europe-west1",
                                    "serviceAccountKey",
                                    "secret:durable-key")));
            assertThat(second.status()).isEqualTo(201);
        }
    }
}
