package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.registry.Registry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A hub stops while an upload is between its objects (the upload's thread never gets to run again, as in a crash):
 * the next hub on the same data dir lists the upload as a dead letter, and a retry stores the bundle whole.
 */
class EvidenceCrashRecoveryTest {

    private static final String PASSWORD = "crash-test-" + UUID.randomUUID();

    @TempDir
    Path dataDir;

    @Test
    void anUploadCutShortByAStopBecomesARetryableDeadLetterAtTheNextStart() throws Exception {
        String bundleId = "crash-" + UUID.randomUUID();
        CountDownLatch firstObjectStored = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        try {
            try (ConfigurableApplicationContext hub = start()) {
                StorageHub.prepareTenants(hub.getBean(Registry.class));
                hub.getBean(CamelContext.class).getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                    @Override
                    public void notify(CamelEvent event) {
                        if (event instanceof CamelEvent.ExchangeSentEvent sent
                                && sent.getEndpoint().getEndpointUri().startsWith("storage://put_object")
                                && sent.getExchange().getException() == null) {
                            firstObjectStored.countDown();
                            awaitIgnoringInterrupts(never); // the process is gone: this upload does nothing more
                        }
                    }
                });
                sendWithoutWaiting(hub, bundleId);
                assertThat(firstObjectStored.await(60, TimeUnit.SECONDS)).isTrue();
                assertThat(StorageHub.objectsOf(bundleId))
                        .containsExactly(StorageHub.storedKey(StorageHub.ENV, bundleId, "one.txt"));
                Api.Answer meanwhile = new Api(StorageHub.portOf(hub))
                        .postJson(
                                "/api/tenants/" + StorageHub.TENANT + "/environments/" + StorageHub.ENV + "/evidence",
                                "operator",
                                PASSWORD,
                                StorageHub.bundle(bundleId, "eu-west-1", "one.txt", "other", "two.txt", "content"));
                assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(409);
                assertThat(meanwhile.json().path("code").asText()).isEqualTo("EVIDENCE_UPLOAD_IN_PROGRESS");
            }
            // A request cut short before it claimed its bundle leaves only a staging folder.
            Path orphan = Files.createDirectory(
                    dataDir.resolve("evidence-spool").resolve(UUID.randomUUID().toString()));

            try (ConfigurableApplicationContext hub = start()) {
                assertThat(orphan).doesNotExist();
                Api api = new Api(StorageHub.portOf(hub));
                JsonNode failed = api.get(
                                "/api/tenants/" + StorageHub.TENANT + "/evidence/failed", "operator", PASSWORD)
                        .json();
                JsonNode letter = null;
                for (JsonNode candidate : failed) {
                    if (bundleId.equals(candidate.path("bundleId").asText())) {
                        letter = candidate;
                    }
                }
                assertThat(letter).as(failed.toString()).isNotNull();
                assertThat(letter.path("code").asText()).isEqualTo("EVIDENCE_INTERRUPTED");
                assertThat(letter.path("environment").asText()).isEqualTo(StorageHub.ENV);

                Api.Answer retried = api.postJson(
                        "/api/tenants/" + StorageHub.TENANT + "/evidence/failed/"
                                + letter.path("id").asText() + "/retry",
                        "operator",
                        PASSWORD,
                        Map.of());

                assertThat(retried.status()).as(retried.body()).isEqualTo(201);
                assertThat(StorageHub.objectsOf(bundleId))
                        .containsExactly(
                                StorageHub.storedKey(StorageHub.ENV, bundleId, "manifest.json"),
                                StorageHub.storedKey(StorageHub.ENV, bundleId, "one.txt"),
                                StorageHub.storedKey(StorageHub.ENV, bundleId, "two.txt"));
                JsonNode verified = api.get(
                                "/api/tenants/" + StorageHub.TENANT + "/environments/" + StorageHub.ENV + "/evidence/"
                                        + bundleId + "/verify",
                                "operator",
                                PASSWORD)
                        .json();
                assertThat(verified.path("valid").asBoolean())
                        .as(verified.toString())
                        .isTrue();
            }
        } finally {
            never.countDown();
        }
    }

    private ConfigurableApplicationContext start() {
        // Stop at once rather than wait for the stuck upload.
        return StorageHub.startHub(
                dataDir,
                Map.of(
                        "conductor.operator.password",
                        PASSWORD,
                        "server.shutdown",
                        "immediate",
                        "camel.main.shutdown-timeout",
                        "1"));
    }

    /** A stopping hub interrupts its threads; a crashed one has none left to resume. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException stopping) {
                // keep waiting
            }
        }
    }

    private static void sendWithoutWaiting(ConfigurableApplicationContext hub, String bundleId) {
        String body = Api.json(StorageHub.bundle(bundleId, "eu-west-1", "one.txt", "first", "two.txt", "second"));
        String basic = Base64.getEncoder().encodeToString(("operator:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        URI upload = URI.create("http://127.0.0.1:" + StorageHub.portOf(hub) + "/api/tenants/" + StorageHub.TENANT
                + "/environments/" + StorageHub.ENV + "/evidence");
        HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(upload)
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }
}
