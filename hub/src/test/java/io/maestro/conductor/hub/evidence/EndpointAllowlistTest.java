package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maestro.conductor.hub.support.Api.Answer;
import io.maestro.conductor.hub.support.LoopbackTrap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Where a tenant's data and credentials go is the operator's choice: a tenant user picks an instance's endpoint
 * from the allowlist ({@code conductor.endpoints.*}: {@link #S3} everywhere, {@link #MIRROR_S3} in dev) or not at
 * all, and evidence receipts name the endpoint that took the bundle.
 */
@ExtendWith(OutputCaptureExtension.class)
class EndpointAllowlistTest extends StorageHub {

    private static final String ADAPTERS = "/api/tenants/" + TENANT + "/environments/" + ENV + "/adapters/";
    private static final String UPLOAD = "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence";

    @Test
    void aTenantUserCannotPointTheTenantsDataAtAnEndpointOffTheAllowlist() throws Exception {
        try (LoopbackTrap trap = LoopbackTrap.start()) {
            Answer before = api.get(ADAPTERS + "evidence", TENANT_USER, TENANT_USER_PASSWORD);
            ObjectNode redirected = ((ObjectNode) before.json().path("config").deepCopy()).put("endpoint", trap.url());

            Answer update = api.putJson(
                    ADAPTERS + "evidence",
                    TENANT_USER,
                    TENANT_USER_PASSWORD,
                    Map.of("config", redirected),
                    "If-Match",
                    before.header("ETag"));
            assertEndpointNotAllowed(update, trap.url());
            Answer after = api.get(ADAPTERS + "evidence", TENANT_USER, TENANT_USER_PASSWORD);
            assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
            assertThat(after.json().path("config")).isEqualTo(before.json().path("config"));

            // A look-alike of an allowed endpoint is another endpoint.
            ObjectNode lookAlike = ((ObjectNode) before.json().path("config").deepCopy())
                    .put("endpoint", S3.endpoint().toString().replace("http://", "http://user@"));
            assertEndpointNotAllowed(
                    api.putJson(
                            ADAPTERS + "evidence",
                            TENANT_USER,
                            TENANT_USER_PASSWORD,
                            Map.of("config", lookAlike),
                            "If-Match",
                            before.header("ETag")),
                    null);

            Answer install = api.postJson(
                    ADAPTERS + "exfil",
                    TENANT_USER,
                    TENANT_USER_PASSWORD,
                    Map.of("definition", "s3-storage", "region", "eu-west-1", "config", redirected));
            assertEndpointNotAllowed(install, trap.url());
            assertThat(api.get(ADAPTERS + "exfil", TENANT_USER, TENANT_USER_PASSWORD)
                            .status())
                    .isEqualTo(404);

            String bundleId = "trap-" + UUID.randomUUID();
            Answer stored = api.postJson(
                    UPLOAD,
                    TENANT_USER,
                    TENANT_USER_PASSWORD,
                    bundle(bundleId, "eu-west-1", "a.txt", "stays where the operator said"));
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            assertThat(stored.json().path("endpoint").asText())
                    .isEqualTo(S3.endpoint().toString());
            assertThat(objectsOf(bundleId)).hasSize(2);
            assertThat(trap.connections())
                    .as("connections to the endpoint off the allowlist")
                    .isZero();
        }
    }

    @Test
    void aTenantUserMayPickAnAllowlistedEndpointAndTheEvidenceReceiptNamesIt() {
        MIRROR_S3.createBucket(EU_BUCKET);
        assertThat(api.get(
                                "/api/tenants/" + TENANT + "/environments/" + ENV + "/endpoints",
                                TENANT_USER,
                                TENANT_USER_PASSWORD)
                        .json()
                        .path("s3-storage"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(
                        S3.endpoint().toString(), MIRROR_S3.endpoint().toString());
        pointEvidenceAt(MIRROR_S3.endpoint().toString());
        try {
            String bundleId = "mirror-" + UUID.randomUUID();
            Answer stored = api.postJson(
                    UPLOAD, TENANT_USER, TENANT_USER_PASSWORD, bundle(bundleId, "eu-west-1", "a.txt", "to the mirror"));
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            assertThat(stored.json().path("endpoint").asText())
                    .isEqualTo(MIRROR_S3.endpoint().toString());
            assertThat(MIRROR_S3.objectKeys(EU_BUCKET)).anyMatch(key -> key.contains("/" + bundleId + "/"));
            assertThat(objectsOf(bundleId)).as("nothing in the first S3").isEmpty();

            JsonNode receipt = evidenceReceipt(bundleId);
            assertThat(receipt.path("changeSet").path("endpoint").asText())
                    .isEqualTo(MIRROR_S3.endpoint().toString());
        } finally {
            pointEvidenceAt(S3.endpoint().toString());
        }
    }

    @Test
    void onlyTheOperatorMaySetAnEndpointOffTheAllowlist() throws Exception {
        try (LoopbackTrap trap = LoopbackTrap.start()) {
            Map<String, Object> config = Map.of(
                    "bucket",
                    "operator-choice",
                    "region",
                    "eu-west-1",
                    "endpoint",
                    trap.url(),
                    "accessKey",
                    "secret:s3-access",
                    "secretKey",
                    "secret:s3-secret");
            Answer installed = api.postJson(
                    ADAPTERS + "operator-choice",
                    "operator",
                    operatorPassword(),
                    Map.of("definition", "s3-storage", "region", "eu-west-1", "config", config));
            assertThat(installed.status()).as(installed.body()).isEqualTo(201);
            assertThat(api.delete(ADAPTERS + "operator-choice", "operator", operatorPassword())
                            .status())
                    .isEqualTo(204);
        }
    }

    @Test
    void credentialsInARefusedEndpointStayOutOfTheAnswerAndTheAuditLog(CapturedOutput output) {
        String endpoint = "http://AKIDEXAMPLE:refused-url-password@127.0.0.1:9/";
        Map<String, Object> config = Map.of("bucket", "b", "region", "eu-west-1", "endpoint", endpoint);

        Answer install = api.postJson(
                ADAPTERS + "with-credentials",
                TENANT_USER,
                TENANT_USER_PASSWORD,
                Map.of("definition", "s3-storage", "region", "eu-west-1", "config", config));

        assertEndpointNotAllowed(install, "http://****@127.0.0.1:9");
        assertThat(install.body()).doesNotContain("refused-url-password", "AKIDEXAMPLE");
        assertThat(output.getAll())
                .contains("event=endpoint_refused caller=" + TENANT_USER)
                .doesNotContain("refused-url-password", "AKIDEXAMPLE");
    }

    private void pointEvidenceAt(String endpoint) {
        Answer current = api.get(ADAPTERS + "evidence", TENANT_USER, TENANT_USER_PASSWORD);
        ObjectNode config = ((ObjectNode) current.json().path("config").deepCopy()).put("endpoint", endpoint);
        Answer updated = api.putJson(
                ADAPTERS + "evidence",
                TENANT_USER,
                TENANT_USER_PASSWORD,
                Map.of("config", config),
                "If-Match",
                current.header("ETag"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    private JsonNode evidenceReceipt(String bundleId) {
        for (JsonNode receipt : asOperator("GET", "/api/tenants/" + TENANT + "/receipts?limit=500", null)
                .json()) {
            if ("EVIDENCE_STORED".equals(receipt.path("action").asText())
                    && bundleId.equals(
                            receipt.path("changeSet").path("bundleId").asText())) {
                return receipt;
            }
        }
        throw new AssertionError("no evidence receipt for " + bundleId);
    }

    private static void assertEndpointNotAllowed(Answer answer, String endpoint) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).isEqualTo("ENDPOINT_NOT_ALLOWED");
        if (endpoint != null) {
            assertThat(answer.json().path("detail").asText()).contains(endpoint);
        }
    }
}
