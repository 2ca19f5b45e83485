package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The evidence-upload golden workflow end to end: HTTP in, S3Proxy objects, receipts and dead letters out. */
class EvidenceUploadTest extends StorageHub {

    private static final String UPLOAD = "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence";

    @Autowired
    CamelContext camel;

    @Test
    void bundleIsStoredWithManifestAndOneReceiptHoweverOftenItIsSent() throws Exception {
        String bundleId = "happy-" + UUID.randomUUID();

        Api.Answer stored = asOperator(
                "POST",
                UPLOAD,
                bundle(bundleId, "eu-west-1", "findings.txt", "all controls pass", "scan.log", "no open ports"));

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        JsonNode reply = stored.json();
        assertThat(reply.path("bundleId").asText()).isEqualTo(bundleId);
        assertThat(reply.path("files")).hasSize(2);
        assertThat(reply.path("files").get(0).path("sha256").asText()).isEqualTo(sha256("all controls pass"));
        assertThat(reply.path("files").get(0).path("location").asText())
                .endsWith(storedKey(ENV, bundleId, "findings.txt"));
        assertThat(reply.path("decisionId").asText()).isNotBlank();
        assertThat(objectsOf(bundleId))
                .containsExactly(
                        storedKey(ENV, bundleId, "findings.txt"),
                        storedKey(ENV, bundleId, "manifest.json"),
                        storedKey(ENV, bundleId, "scan.log"));
        String receiptId = reply.path("receiptId").asText();
        assertThat(evidenceReceiptsOf(bundleId)).containsExactly(receiptId);

        Api.Answer again = asOperator(
                "POST",
                UPLOAD,
                bundle(bundleId, "eu-west-1", "findings.txt", "all controls pass", "scan.log", "no open ports"));

        assertThat(again.status()).as("an identical replay stores nothing new").isEqualTo(200);
        assertThat(again.json().path("receiptId").asText()).isEqualTo(receiptId);
        assertThat(again.json().path("manifest").path("sha256").asText())
                .isEqualTo(reply.path("manifest").path("sha256").asText());
        assertThat(objectsOf(bundleId)).hasSize(3);
        assertThat(evidenceReceiptsOf(bundleId)).containsExactly(receiptId);
        assertThat(asOperator("GET", "/api/tenants/" + TENANT + "/receipts/verify", null)
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void malformedBundleIsRefusedWithACodeAndStoresNothing() {
        String bundleId = "bad-" + UUID.randomUUID();

        Api.Answer traversal = asOperator("POST", UPLOAD, bundle(bundleId, "eu-west-1", "../escape.txt", "x"));
        Api.Answer noRegion = asOperator("POST", UPLOAD, bundle(bundleId, "", "a.txt", "x"));

        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.header("Content-Type")).startsWith("application/problem+json");
        assertThat(traversal.json().path("code").asText()).isEqualTo("EVIDENCE_INVALID");
        assertThat(noRegion.status()).isEqualTo(400);
        assertThat(noRegion.json().path("detail").asText()).isEqualTo("region is required");
        assertThat(objectsOf(bundleId)).isEmpty();
    }

    @Test
    void storageDownDuringUploadIsRetriedThenDeadLetteredAndARetryStoresEachObjectOnce() {
        String bundleId = "fault-" + UUID.randomUUID();
        AtomicInteger redeliveries = new AtomicInteger();
        AtomicBoolean firstObjectStored = new AtomicBoolean();
        // Stops S3 right after the bundle's first object is stored: the upload fails in the middle.
        EventNotifierSupport faults = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeSentEvent sent
                        && sent.getEndpoint().getEndpointUri().startsWith("storage://put_object")
                        && sent.getExchange().getException() == null
                        && firstObjectStored.compareAndSet(false, true)) {
                    S3.stop();
                }
                if (event instanceof CamelEvent.ExchangeRedeliveryEvent) {
                    redeliveries.incrementAndGet();
                }
            }
        };
        camel.getManagementStrategy().addEventNotifier(faults);
        Api.Answer failed;
        try {
            failed = asOperator("POST", UPLOAD, bundle(bundleId, "eu-west-1", "one.txt", "first", "two.txt", "second"));
        } finally {
            camel.getManagementStrategy().removeEventNotifier(faults);
            S3.start();
        }

        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.json().path("code").asText()).isEqualTo("STORAGE_UNREACHABLE");
        assertThat(redeliveries.get()).isEqualTo(3);
        assertThat(objectsOf(bundleId)).containsExactly(storedKey(ENV, bundleId, "one.txt"));
        assertThat(evidenceReceiptsOf(bundleId)).isEmpty();
        String failedId = failed.json().path("failedId").asText();
        JsonNode listed = asOperator("GET", "/api/tenants/" + TENANT + "/evidence/failed", null)
                .json();
        assertThat(listed.findValuesAsText("id")).contains(failedId);
        assertThat(listed.toString()).doesNotContain("Zmlyc3Q="); // the request (files) stays out of the listing

        Api.Answer retried =
                asOperator("POST", "/api/tenants/" + TENANT + "/evidence/failed/" + failedId + "/retry", null);

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(objectsOf(bundleId))
                .containsExactly(
                        storedKey(ENV, bundleId, "manifest.json"),
                        storedKey(ENV, bundleId, "one.txt"),
                        storedKey(ENV, bundleId, "two.txt"));
        assertThat(evidenceReceiptsOf(bundleId))
                .containsExactly(retried.json().path("receiptId").asText());
        assertThat(asOperator("GET", "/api/tenants/" + TENANT + "/evidence/failed", null)
                        .json()
                        .findValuesAsText("id"))
                .doesNotContain(failedId);
        assertThat(asOperator("POST", "/api/tenants/" + TENANT + "/evidence/failed/" + failedId + "/retry", null)
                        .status())
                .isEqualTo(404);
    }
}
