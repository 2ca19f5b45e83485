package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evidence endpoints as an attacker tries them: another tenant's dead letter, a retry sent twice at once,
 * hostile multipart parts, another tenant's or environment's paths. Each refusal is a 4xx problem with a stable code
 * that changes nothing.
 */
class EvidenceHostileRequestTest extends StorageHub {

    private static final String UPLOAD = "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence";
    private static final String FAILED = "/api/tenants/%s/evidence/failed";

    @Autowired
    CamelContext camel;

    @Test
    void anotherTenantsDeadLetterIsNotFoundThereAndStaysUntouched() {
        String failedId = deadLetter("foreign-" + UUID.randomUUID());

        Api.Answer viaOwnTenant = api.postJson(
                FAILED.formatted(OTHER_TENANT) + "/" + failedId + "/retry", SCOPED_USER, SCOPED_PASSWORD, Map.of());
        Api.Answer unknownId = api.postJson(
                FAILED.formatted(OTHER_TENANT) + "/" + UUID.randomUUID() + "/retry",
                SCOPED_USER,
                SCOPED_PASSWORD,
                Map.of());
        Api.Answer viaItsTenant = api.postJson(
                FAILED.formatted(TENANT) + "/" + failedId + "/retry", SCOPED_USER, SCOPED_PASSWORD, Map.of());
        Api.Answer listItsTenant = api.get(FAILED.formatted(TENANT), SCOPED_USER, SCOPED_PASSWORD);
        Api.Answer listOwnTenant = api.get(FAILED.formatted(OTHER_TENANT), SCOPED_USER, SCOPED_PASSWORD);

        assertThat(viaOwnTenant.status()).as(viaOwnTenant.body()).isEqualTo(404);
        assertThat(viaOwnTenant.header("Content-Type")).startsWith("application/problem+json");
        assertThat(viaOwnTenant.json().path("code").asText()).isEqualTo("EVIDENCE_FAILURE_NOT_FOUND");
        assertThat(viaOwnTenant.json().path("detail").asText().replace(failedId, "ID"))
                .as("another tenant's dead letter answers exactly like an unknown id")
                .isEqualTo(unknownId.json().path("detail").asText().replaceAll("[0-9a-f-]{36}", "ID"));
        for (Api.Answer hidden : List.of(viaItsTenant, listItsTenant)) {
            assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
            assertThat(hidden.json().path("code").asText()).isEqualTo("TENANT_NOT_FOUND");
        }
        assertThat(listOwnTenant.status()).isEqualTo(200);
        assertThat(listOwnTenant.body()).doesNotContain(failedId);
        JsonNode letter = failedLetter(failedId);
        assertThat(letter.path("status").asText()).isEqualTo("FAILED");
        assertThat(letter.path("retries").asInt()).as("no retry was counted").isZero();
    }

    @Test
    void aRetrySentTwiceAtOnceStoresTheBundleOnce() throws Exception {
        String bundleId = "twice-" + UUID.randomUUID();
        String failedId = deadLetter(bundleId);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        // Holds the first retry at its first object write, so the second one arrives while it runs.
        EventNotifierSupport hold = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) throws InterruptedException {
                if (event instanceof CamelEvent.ExchangeSendingEvent sending
                        && sending.getEndpoint().getEndpointUri().startsWith("storage://put_object")
                        && held.compareAndSet(false, true)) {
                    writing.countDown();
                    proceed.await(30, TimeUnit.SECONDS);
                }
            }
        };
        String retry = FAILED.formatted(TENANT) + "/" + failedId + "/retry";
        camel.getManagementStrategy().addEventNotifier(hold);
        CompletableFuture<Api.Answer> first;
        Api.Answer second;
        try {
            first = CompletableFuture.supplyAsync(() -> asOperator("POST", retry, Map.of()));
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            second = asOperator("POST", retry, Map.of());
        } finally {
            proceed.countDown();
            camel.getManagementStrategy().removeEventNotifier(hold);
        }
        Api.Answer firstAnswer = first.get(60, TimeUnit.SECONDS);

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().path("code").asText()).isEqualTo(EvidenceExistsException.IN_PROGRESS);
        assertThat(firstAnswer.status()).as(firstAnswer.body()).isEqualTo(201);
        assertThat(evidenceReceiptsOf(bundleId))
                .containsExactly(firstAnswer.json().path("receiptId").asText());
        Api.Answer replayed = asOperator("POST", retry, Map.of());
        assertThat(replayed.status())
                .as("a resolved dead letter cannot be applied again")
                .isEqualTo(404);
        assertThat(evidenceReceiptsOf(bundleId)).hasSize(1);
        JsonNode verified =
                asOperator("GET", UPLOAD + "/" + bundleId + "/verify", null).json();
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void hostileMultipartPartsAreRefusedAsProblemsAndLeaveNoStagingFolder() {
        String bundleId = "hostile-" + UUID.randomUUID();
        List<Path> staged = stagedUploads();
        MultipartBody tooMany = form(bundleId);
        for (int i = 0; i <= 100; i++) {
            tooMany.file("f" + i + ".txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        }

        Api.Answer nulInName = form(bundleId)
                .file("a\u0000.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .post(port, UPLOAD, "operator", operatorPassword());
        Api.Answer hugeHeader = form(bundleId)
                .file("a.txt", "text/plain; x=" + "y".repeat(64 * 1024), "x".getBytes(StandardCharsets.UTF_8))
                .post(port, UPLOAD, "operator", operatorPassword());
        Api.Answer manyFiles = tooMany.post(port, UPLOAD, "operator", operatorPassword());
        Api.Answer backslashes = form(bundleId)
                .file("..\\..\\escape.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .post(port, UPLOAD, "operator", operatorPassword());

        for (Api.Answer refused : List.of(nulInName, hugeHeader, manyFiles, backslashes)) {
            assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("code").asText()).startsWith("EVIDENCE_");
        }
        assertThat(manyFiles.json().path("detail").asText()).contains("at most 100 files");
        assertThat(nulInName.json().path("detail").asText()).contains("plain file name");
        assertThat(hugeHeader.status())
                .as("a long part header is no bundle over its size limit")
                .isEqualTo(400);
        assertThat(hugeHeader.json().path("detail").asText()).contains("headers");
        assertThat(objectsOf(bundleId)).isEmpty();
        assertThat(stagedUploads()).as("staging folders left").isEqualTo(staged);
    }

    @Test
    void uploadsToAnotherTenantOrAnUnknownEnvironmentStoreNothing() {
        String bundleId = "elsewhere-" + UUID.randomUUID();
        Map<String, Object> bundle = bundle(bundleId, "eu-west-1", "a.txt", "x");

        Api.Answer otherTenant = api.postJson(UPLOAD, SCOPED_USER, SCOPED_PASSWORD, bundle);
        Api.Answer unknownTenant = asOperator("POST", "/api/tenants/no-such-tenant/environments/dev/evidence", bundle);
        Api.Answer unknownEnv = asOperator("POST", "/api/tenants/" + TENANT + "/environments/staging/evidence", bundle);
        Api.Answer otherTenantsEndpoints =
                api.get("/api/tenants/" + TENANT + "/environments/" + ENV + "/endpoints", SCOPED_USER, SCOPED_PASSWORD);
        Api.Answer unknownEnvEndpoints =
                asOperator("GET", "/api/tenants/" + TENANT + "/environments/staging/endpoints", null);

        for (Api.Answer hidden : List.of(otherTenant, unknownTenant, otherTenantsEndpoints)) {
            assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
            assertThat(hidden.json().path("code").asText()).isEqualTo("TENANT_NOT_FOUND");
        }
        for (Api.Answer absent : List.of(unknownEnv, unknownEnvEndpoints)) {
            assertThat(absent.status()).as(absent.body()).isEqualTo(404);
            assertThat(absent.json().path("code").asText()).isEqualTo("ENVIRONMENT_NOT_FOUND");
        }
        assertThat(otherTenantsEndpoints.body()).doesNotContain(S3.endpoint().toString());
        assertThat(objectsOf(bundleId)).isEmpty();
    }

    /** A dead letter of {@value #TENANT}: the bundle's upload with S3 down. */
    private String deadLetter(String bundleId) {
        S3.stop();
        Api.Answer failed;
        try {
            failed = asOperator("POST", UPLOAD, bundle(bundleId, "eu-west-1", "one.txt", "first", "two.txt", "second"));
        } finally {
            S3.start();
        }
        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        return failed.json().path("failedId").asText();
    }

    private JsonNode failedLetter(String failedId) {
        for (JsonNode letter : asOperator("GET", FAILED.formatted(TENANT), null).json()) {
            if (failedId.equals(letter.path("id").asText())) {
                return letter;
            }
        }
        throw new AssertionError("dead letter " + failedId + " is not listed");
    }

    private static MultipartBody form(String bundleId) {
        return new MultipartBody()
                .field("bundleId", bundleId)
                .field("region", "eu-west-1")
                .field("classification", "confidential");
    }

    private static List<Path> stagedUploads() {
        try (Stream<Path> staged = Files.list(DATA_DIR.resolve("evidence-spool"))) {
            return staged.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
