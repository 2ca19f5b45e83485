package io.maestro.conductor.demo.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.demo.sqs.DemoSqsPeer;
import io.maestro.conductor.hub.ConductorHubApplication;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.hub.support.HubProperties;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default's demo across a restart, with its default S3 port: a free port picked once and kept in the
 * data dir (as the demo ElasticMQ's is), the sandbox credentials written into the demo tenants' secrets once (each
 * write with a receipt that names the secret, never the value), and a second start that writes nothing: not one
 * receipt more.
 */
class DemoRestartTest {

    private static final String PASSWORD = "demo-restart-" + UUID.randomUUID();
    private static final List<String> TENANTS = List.of("atlas", "lumen", "orbit");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        Map<String, String> properties = new HashMap<>(HubProperties.embeddedDefault(dataDir));
        properties.put("server.port", "0");
        properties.put("conductor.operator.password", PASSWORD);
        properties.put("conductor.demo.storage.enabled", "true");
        // The demo Stripe account is a new, empty one at every start, so it re-points the billing instance with
        // receipts each time (see DemoPaymentsSetup): not what this restart is about.
        properties.put("conductor.demo.payments.enabled", "false");
        // So are the demo TSA and mail server, on new ports at every start (DemoNotarySetup, DemoNotifySetup): they
        // re-point atlas's notary and alerts instances with a receipt each time.
        properties.put("conductor.demo.notary.enabled", "false");
        properties.put("conductor.demo.notify.enabled", "false");
        properties.put(
                "camel.main.routes-include-pattern",
                "file:" + HubProperties.repositoryPath("routes") + "/evidence-upload.yaml");
        properties.put(
                "conductor.policy.bundle-dirs",
                HubProperties.repositoryPath("residency-policies") + ","
                        + HubProperties.repositoryPath("governance-policies"));
        return new SpringApplicationBuilder(ConductorHubApplication.class).run(HubProperties.asArguments(properties));
    }

    private static Map<String, JsonNode> receipts(ConfigurableApplicationContext hub) {
        Api api = new Api(((WebServerApplicationContext) hub).getWebServer().getPort());
        Map<String, JsonNode> all = new HashMap<>();
        for (String tenant : TENANTS) {
            all.put(
                    tenant,
                    api.get("/api/tenants/" + tenant + "/receipts?limit=500", "operator", PASSWORD)
                            .json());
            assertThat(api.get("/api/tenants/" + tenant + "/receipts/verify", "operator", PASSWORD)
                            .json()
                            .path("valid")
                            .asBoolean())
                    .as(tenant)
                    .isTrue();
        }
        return all;
    }

    @Test
    void theDemoPicksAPortOnceAndASecondStartAddsNoReceipt() throws IOException {
        Map<String, JsonNode> first;
        int port;
        String queues;
        try (ConfigurableApplicationContext hub = start()) {
            port = hub.getBean(DemoStoragePeers.class).s3().port();
            queues = hub.getBean(DemoSqsPeer.class).endpoint();
            assertThat(port).isNotEqualTo(9000).isPositive();
            assertThat(Files.readString(dataDir.resolve(DemoStoragePeers.PORT_FILE))
                            .strip())
                    .isEqualTo(Integer.toString(port));
            first = receipts(hub);
        }
        List<JsonNode> demoSecretWrites = new ArrayList<>();
        first.get("atlas").forEach(receipt -> {
            if (receipt.path("actor").asText().equals("system:demo-storage")
                    && receipt.path("action").asText().startsWith("SECRET_")) {
                demoSecretWrites.add(receipt);
            }
        });
        assertThat(demoSecretWrites)
                .extracting(r -> r.path("instance").asText())
                .containsExactlyInAnyOrder("secret:evidence-access-key", "secret:evidence-secret-key");
        assertThat(first.toString())
                .doesNotContain(S3ProxySandbox.DEFAULT_SECRET_KEY)
                .doesNotContain(S3ProxySandbox.DEFAULT_ACCESS_KEY);

        try (ConfigurableApplicationContext hub = start()) {
            assertThat(hub.getBean(DemoStoragePeers.class).s3().port()).isEqualTo(port);
            assertThat(hub.getBean(DemoSqsPeer.class).endpoint()).isEqualTo(queues);
            assertThat(receipts(hub)).isEqualTo(first);
        }
    }
}
