package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stored evidence cannot be replaced through the hub, bundles of different environments never share objects or
 * receipts, and a change made behind the hub's back (directly in the bucket) is found by verification.
 */
class EvidenceIntegrityTest extends StorageHub {

    private static final String UPLOAD = "/api/tenants/" + TENANT + "/environments/%s/evidence";

    @Test
    void otherContentUnderAStoredBundleIdIsRefusedAndTheStoredEvidenceStaysValid() {
        String bundleId = "once-" + UUID.randomUUID();
        Api.Answer stored = upload(ENV, bundle(bundleId, "eu-west-1", "findings.txt", "all controls pass"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String receiptId = stored.json().path("receiptId").asText();

        Api.Answer forged = upload(ENV, bundle(bundleId, "eu-west-1", "findings.txt", "controls were skipped"));

        assertThat(forged.status()).as(forged.body()).isEqualTo(409);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        assertThat(forged.json().path("code").asText()).isEqualTo("EVIDENCE_EXISTS");
        JsonNode verified = verify(ENV, bundleId).json();
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("files").get(0).path("actualSha256").asText()).isEqualTo(sha256("all controls pass"));

        Api.Answer replay = upload(ENV, bundle(bundleId, "eu-west-1", "findings.txt", "all controls pass"));

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("receiptId").asText()).isEqualTo(receiptId);
        assertThat(replay.json().path("files").get(0).path("sha256").asText()).isEqualTo(sha256("all controls pass"));
        assertThat(evidenceReceiptsOf(bundleId)).containsExactly(receiptId);
    }

    @Test
    void theSameBundleIdInAnotherEnvironmentIsAnotherBundleWithItsOwnObjectsAndReceipt() {
        String bundleId = "twin-" + UUID.randomUUID();

        Api.Answer dev = upload(ENV, bundle(bundleId, "eu-west-1", "report.txt", "dev evidence"));
        Api.Answer prod = upload(PROD, bundle(bundleId, "eu-west-1", "report.txt", "prod evidence"));

        assertThat(dev.status()).as(dev.body()).isEqualTo(201);
        assertThat(prod.status()).as(prod.body()).isEqualTo(201);
        assertThat(prod.json().path("environment").asText()).isEqualTo(PROD);
        assertThat(prod.json().path("receiptId").asText())
                .isNotEqualTo(dev.json().path("receiptId").asText());
        // Both instances share bucket and key prefix: only the key layout keeps the environments apart.
        assertThat(objectsOf(bundleId))
                .containsExactlyInAnyOrder(
                        storedKey(ENV, bundleId, "report.txt"), storedKey(ENV, bundleId, "manifest.json"),
                        storedKey(PROD, bundleId, "report.txt"), storedKey(PROD, bundleId, "manifest.json"));
        assertThat(evidenceReceiptsOf(bundleId)).hasSize(2);
        assertThat(verify(ENV, bundleId).json().path("valid").asBoolean()).isTrue();
        assertThat(verify(PROD, bundleId)
                        .json()
                        .path("files")
                        .get(0)
                        .path("actualSha256")
                        .asText())
                .isEqualTo(sha256("prod evidence"));
    }

    @Test
    void verifyReportsAnObjectChangedOrRemovedDirectlyInTheBucket() {
        String bundleId = "tamper-" + UUID.randomUUID();
        assertThat(upload(ENV, bundle(bundleId, "eu-west-1", "a.txt", "original a", "b.txt", "original b"))
                        .status())
                .isEqualTo(201);
        assertThat(verify(ENV, bundleId).json().path("valid").asBoolean()).isTrue();

        try (S3Client bucket = directClient()) {
            bucket.putObject(
                    put -> put.bucket(EU_BUCKET).key(KEY_PREFIX + "/evidence/" + ENV + "/" + bundleId + "/a.txt"),
                    RequestBody.fromBytes("forged a".getBytes(StandardCharsets.UTF_8)));
            bucket.deleteObject(delete ->
                    delete.bucket(EU_BUCKET).key(KEY_PREFIX + "/evidence/" + ENV + "/" + bundleId + "/b.txt"));
        }
        Api.Answer verified = verify(ENV, bundleId);

        assertThat(verified.status()).isEqualTo(200);
        JsonNode report = verified.json();
        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(report.path("receiptIntact").asBoolean()).isTrue();
        JsonNode a = report.path("files").get(0);
        assertThat(a.path("name").asText()).isEqualTo("a.txt");
        assertThat(a.path("status").asText()).isEqualTo("mismatch");
        assertThat(a.path("expectedSha256").asText()).isEqualTo(sha256("original a"));
        assertThat(a.path("actualSha256").asText()).isEqualTo(sha256("forged a"));
        assertThat(report.path("files").get(1).path("status").asText()).isEqualTo("missing");
        assertThat(report.path("manifest").path("status").asText()).isEqualTo("ok");
    }

    @Test
    void verifyIsTenantScopedAndRefusesUnknownOrMalformedBundleIds() {
        String path = "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence/";

        Api.Answer otherTenant = api.get(path + "anything/verify", SCOPED_USER, SCOPED_PASSWORD);
        Api.Answer unknown = asOperator("GET", path + "never-stored/verify", null);
        Api.Answer malformed = asOperator("GET", path + "-dash/verify", null);

        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(otherTenant.json().path("code").asText()).isEqualTo("TENANT_NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("EVIDENCE_NOT_FOUND");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asText()).isEqualTo("EVIDENCE_INVALID");
    }

    private Api.Answer upload(String env, Object bundle) {
        return asOperator("POST", UPLOAD.formatted(env), bundle);
    }

    private Api.Answer verify(String env, String bundleId) {
        return asOperator("GET", UPLOAD.formatted(env) + "/" + bundleId + "/verify", null);
    }
}
