package io.maestro.conductor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.PolicyDeniedException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.governance.GovernanceDecision;
import io.maestro.conductor.adapter.health.AdapterHealthCheck;
import io.maestro.conductor.adapter.metrics.AdapterMetrics;
import io.maestro.conductor.adapter.testing.LogCapture;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.component.extension.ComponentVerifierExtension;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3StorageTest {

    private static final String SECRET_KEY = S3ProxySandbox.DEFAULT_SECRET_KEY;
    private static S3ProxySandbox s3;
    private static int bucketCounter;

    private StorageHarness harness;
    private String bucket;

    @BeforeAll
    static void startS3() {
        s3 = S3ProxySandbox.startTransient();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @BeforeEach
    void setUp() {
        bucket = "evidence-" + (++bucketCounter);
        s3.createBucket(bucket);
        harness = new StorageHarness();
        harness.secrets
                .put("acme", "prod", "s3-access", s3.accessKey())
                .put("acme", "prod", "s3-secret", SECRET_KEY)
                .put("acme", "prod", "wrong-secret", "not-the-" + SECRET_KEY);
        harness.instances.put(StorageHarness.instance(
                "evidence",
                StorageComponent.BACKEND_S3,
                1,
                config(bucket, s3.endpoint().toString())));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void putGetHeadDeleteRoundTripInsideTheKeyPrefix() throws Exception {
        Exchange put = harness.call(
                "put_object",
                "evidence",
                bytes("report body"),
                Map.of(StorageConstants.KEY, "reports/2026/a.txt", StorageConstants.CONTENT_TYPE, "text/plain"));
        assertThat(put.getException()).isNull();
        assertThat(put.getMessage().getHeader(StorageConstants.ETAG, String.class))
                .isNotBlank();
        assertThat(put.getMessage().getHeader(StorageConstants.LOCATION))
                .isEqualTo("s3://" + bucket + "/tenants/acme/reports/2026/a.txt");
        assertThat(s3.objectKeys(bucket)).containsExactly("tenants/acme/reports/2026/a.txt");

        Exchange get = harness.call("get_object", "evidence", null, Map.of(StorageConstants.KEY, "reports/2026/a.txt"));
        assertThat(get.getException()).isNull();
        try (InputStream body = get.getMessage().getBody(InputStream.class)) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("report body");
        }
        assertThat(get.getMessage().getHeader(StorageConstants.CONTENT_LENGTH, Long.class))
                .isEqualTo(11L);
        assertThat(get.getMessage().getHeader(StorageConstants.CONTENT_TYPE)).isEqualTo("text/plain");

        Exchange head = harness.call("head", "evidence", null, Map.of(StorageConstants.KEY, "reports/2026/a.txt"));
        assertThat(head.getMessage().getHeader(StorageConstants.EXISTS, Boolean.class))
                .isTrue();

        assertThat(harness.call("delete", "evidence", null, Map.of(StorageConstants.KEY, "reports/2026/a.txt"))
                        .getException())
                .isNull();
        Exchange gone = harness.call("head", "evidence", null, Map.of(StorageConstants.KEY, "reports/2026/a.txt"));
        assertThat(gone.getException()).isNull();
        assertThat(gone.getMessage().getHeader(StorageConstants.EXISTS, Boolean.class))
                .isFalse();
        assertThat(s3.objectKeys(bucket)).isEmpty();

        assertThat(harness.meters
                        .get(AdapterMetrics.REQUESTS)
                        .tags(
                                "tenant",
                                "acme",
                                "environment",
                                "prod",
                                "category",
                                "storage",
                                "instance",
                                "evidence",
                                "operation",
                                "put_object",
                                "outcome",
                                "success")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void filesAndByteArraysCarryTheirOwnLength(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("evidence.txt"), "from a file");
        assertThat(harness.call("put_object", "evidence", file.toFile(), Map.of(StorageConstants.KEY, "f.txt"))
                        .getException())
                .isNull();
        assertThat(harness.call(
                                "put_object",
                                "evidence",
                                "raw bytes".getBytes(StandardCharsets.UTF_8),
                                Map.of(StorageConstants.KEY, "b.bin"))
                        .getException())
                .isNull();

        Exchange head = harness.call("head", "evidence", null, Map.of(StorageConstants.KEY, "f.txt"));
        assertThat(head.getMessage().getHeader(StorageConstants.CONTENT_LENGTH, Long.class))
                .isEqualTo(11L);
        head = harness.call("head", "evidence", null, Map.of(StorageConstants.KEY, "b.bin"));
        assertThat(head.getMessage().getHeader(StorageConstants.CONTENT_LENGTH, Long.class))
                .isEqualTo(9L);
    }

    @Test
    void listPagesWithAContinuationTokenAndAPrefix() {
        for (String key : List.of("a/1", "a/2", "a/3", "a/4", "a/5", "b/1")) {
            assertThat(harness.call("put_object", "evidence", bytes(key), Map.of(StorageConstants.KEY, key))
                            .getException())
                    .isNull();
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> headers =
                    new HashMap<>(Map.of(StorageConstants.PREFIX, "a/", StorageConstants.MAX_KEYS, 2));
            if (token != null) {
                headers.put(StorageConstants.CONTINUATION_TOKEN, token);
            }
            Exchange page = harness.call("list", "evidence", null, headers);
            assertThat(page.getException()).isNull();
            @SuppressWarnings("unchecked")
            List<String> keys = page.getMessage().getBody(List.class);
            assertThat(keys).hasSizeLessThanOrEqualTo(2);
            seen.addAll(keys);
            token = page.getMessage().getHeader(StorageConstants.NEXT_CONTINUATION_TOKEN, String.class);
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("a/1", "a/2", "a/3", "a/4", "a/5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../escape",
                "a/../../b",
                "/absolute",
                "a\\b",
                "%2e%2e/x",
                "a%2Fb",
                "a%2fb",
                "ctl\u0001x",
                "nul\u0000x",
                "a//b",
                "./a",
                "a/.",
                "%252e%252e/x"
            })
    void rejectsKeysThatCouldLeaveThePrefix(String key) {
        Exchange put = harness.call("put_object", "evidence", bytes("x"), Map.of(StorageConstants.KEY, key));
        assertThat(put.getException()).isInstanceOfSatisfying(AdapterException.class, e -> {
            assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_KEY_INVALID);
            assertThat(e.instanceId()).isEqualTo("acme/prod/evidence");
        });
        assertThat(s3.objectKeys(bucket)).isEmpty();
    }

    @Test
    void signedUrlReadsTheObjectWithoutCredentials() throws Exception {
        harness.call("put_object", "evidence", bytes("shared"), Map.of(StorageConstants.KEY, "share/me.txt"));
        Exchange signed = harness.call(
                "signed_url",
                "evidence",
                null,
                Map.of(StorageConstants.KEY, "share/me.txt", StorageConstants.SIGNED_URL_EXPIRY_SECONDS, 120L));
        assertThat(signed.getException()).isNull();
        String url = signed.getMessage().getBody(String.class);
        assertThat(url)
                .contains("X-Amz-Signature=")
                .contains("X-Amz-Expires=120")
                .contains("/tenants/acme/share/me.txt");

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("shared");
    }

    @Test
    void aMissingObjectIsStorageNotFound() {
        Exchange get = harness.call("get_object", "evidence", null, Map.of(StorageConstants.KEY, "nope.txt"));
        assertThat(get.getException()).isInstanceOfSatisfying(AdapterException.class, e -> {
            assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_NOT_FOUND);
            assertThat(e.instanceId()).isEqualTo("acme/prod/evidence");
            assertThat(e.isTransient()).isFalse();
        });
        assertThat(harness.meters
                        .get(AdapterMetrics.ERRORS)
                        .tags("operation", "get_object", "code", "STORAGE_NOT_FOUND")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aBodyOfUnknownLengthLongerThanOnePartStreamsAsAMultipartUpload() throws Exception {
        byte[] content = new byte[2 * 8 * 1024 * 1024 + 12_345];
        new Random(7).nextBytes(content);
        Exchange put = harness.call(
                "put_object",
                "evidence",
                new UnknownLength(new ByteArrayInputStream(content)),
                Map.of(StorageConstants.KEY, "big/three-parts.bin"));
        assertThat(put.getException()).isNull();
        assertThat(put.getMessage().getHeader(StorageConstants.ETAG, String.class))
                .isNotBlank();
        assertThat(s3.objectKeys(bucket)).containsExactly("tenants/acme/big/three-parts.bin");

        Exchange get =
                harness.call("get_object", "evidence", null, Map.of(StorageConstants.KEY, "big/three-parts.bin"));
        assertThat(get.getMessage().getHeader(StorageConstants.CONTENT_LENGTH, Long.class))
                .isEqualTo(content.length);
        try (InputStream body = get.getMessage().getBody(InputStream.class)) {
            assertThat(body.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aBodyThatFailsMidUploadLeavesNoObjectAndNoParts() {
        InputStream failing = new UnknownLength(
                new SequenceInputStream(new ByteArrayInputStream(new byte[9 * 1024 * 1024]), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("client went away");
                    }
                }));
        Exchange put = harness.call("put_object", "evidence", failing, Map.of(StorageConstants.KEY, "big/broken.bin"));
        assertThat(put.getException())
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.REQUEST_INVALID));
        assertThat(s3.objectKeys(bucket)).isEmpty();
    }

    @Test
    void aMissingBucketIsStorageBucketMissing() {
        harness.instances.put(StorageHarness.instance(
                "nobucket",
                StorageComponent.BACKEND_S3,
                1,
                config("no-such-bucket", s3.endpoint().toString())));
        Exchange put = harness.call("put_object", "nobucket", bytes("x"), Map.of(StorageConstants.KEY, "k"));
        assertThat(put.getException())
                .isInstanceOfSatisfying(
                        AdapterException.class,
                        e -> assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_BUCKET_MISSING));
    }

    @Test
    void refusedCredentialsAreAccessDeniedAndTheSecretAppearsNowhere() {
        Map<String, String> config = new HashMap<>(config(bucket, s3.endpoint().toString()));
        config.put(StorageDefinitions.SECRET_KEY, "secret:wrong-secret");
        harness.instances.put(StorageHarness.instance("badkeys", StorageComponent.BACKEND_S3, 1, config));
        try (LogCapture logs = new LogCapture()) {
            Exchange put = harness.call("put_object", "badkeys", bytes("x"), Map.of(StorageConstants.KEY, "k"));
            assertThat(put.getException()).isInstanceOfSatisfying(AdapterException.class, e -> {
                assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_ACCESS_DENIED);
                assertThat(e.instanceId()).isEqualTo("acme/prod/badkeys");
                assertThat(fullText(e)).doesNotContain(SECRET_KEY);
            });
            assertThat(logs.text()).contains("STORAGE_ACCESS_DENIED").doesNotContain(SECRET_KEY);
        }
        assertThat(s3.objectKeys(bucket)).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsATransientStorageUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        harness.instances.put(StorageHarness.instance(
                "down", StorageComponent.BACKEND_S3, 1, config(bucket, "http://127.0.0.1:" + closedPort)));
        try (LogCapture logs = new LogCapture()) {
            Exchange put = harness.call("put_object", "down", bytes("x"), Map.of(StorageConstants.KEY, "k"));
            assertThat(put.getException()).isInstanceOfSatisfying(AdapterException.class, e -> {
                assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_UNREACHABLE);
                assertThat(e.isTransient()).isTrue();
                assertThat(fullText(e)).doesNotContain(SECRET_KEY);
            });
            assertThat(logs.text()).doesNotContain(SECRET_KEY);
        }
        HealthCheck.Result health = harness.component.health().call();
        assertThat(health.getState())
                .as("one instance's outage is not the component's")
                .isEqualTo(HealthCheck.State.UP);
        assertThat(String.valueOf(health.getDetails().get("acme/prod/down"))).startsWith("DOWN STORAGE_UNREACHABLE");
        assertThat(health.getDetails()).containsEntry(AdapterHealthCheck.INSTANCES_DOWN, 1L);
    }

    @Test
    void aStoppedPeerIsUnreachableAndTheSameDelegateWorksOnceItIsBack() {
        harness.call("put_object", "evidence", bytes("before"), Map.of(StorageConstants.KEY, "k1"));
        s3.stop();
        try {
            Exchange put = harness.call("put_object", "evidence", bytes("during"), Map.of(StorageConstants.KEY, "k2"));
            assertThat(put.getException())
                    .isInstanceOfSatisfying(
                            AdapterException.class,
                            e -> assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_UNREACHABLE));
        } finally {
            s3.start();
        }
        assertThat(harness.call("put_object", "evidence", bytes("after"), Map.of(StorageConstants.KEY, "k2"))
                        .getException())
                .isNull();
        assertThat(s3.objectKeys(bucket)).containsExactlyInAnyOrder("tenants/acme/k1", "tenants/acme/k2");
        assertThat(harness.component.liveDelegates()).isEqualTo(1);
        HealthCheck.Result health = harness.component.health().call();
        assertThat(String.valueOf(health.getDetails().get("acme/prod/evidence")))
                .as("the last call succeeded")
                .startsWith("UP success at ");
        assertThat(health.getDetails()).containsEntry(AdapterHealthCheck.INSTANCES_DOWN, 0L);
    }

    @Test
    void theComponentVerifierProbesInstancesWithCodedErrors() {
        Map<String, String> badKeys = new HashMap<>(config(bucket, s3.endpoint().toString()));
        badKeys.put(StorageDefinitions.SECRET_KEY, "secret:wrong-secret");
        harness.instances.put(StorageHarness.instance("badkeys", StorageComponent.BACKEND_S3, 1, badKeys));
        harness.instances.put(StorageHarness.instance(
                "nobucket",
                StorageComponent.BACKEND_S3,
                1,
                config("no-such-bucket", s3.endpoint().toString())));
        ComponentVerifierExtension verifier =
                harness.component.getExtension(ComponentVerifierExtension.class).orElseThrow();

        assertThat(verify(verifier, "evidence").getStatus()).isEqualTo(ComponentVerifierExtension.Result.Status.OK);
        ComponentVerifierExtension.Result denied = verify(verifier, "badkeys");
        assertThat(denied.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getCode())
                    .isEqualTo(ComponentVerifierExtension.VerificationError.StandardCode.AUTHENTICATION);
            assertThat(error.getDetails()).containsValue("STORAGE_ACCESS_DENIED");
            assertThat(error.getDescription()).doesNotContain(SECRET_KEY);
        });
        assertThat(verify(verifier, "nobucket").getErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.getDetails()).containsValue("STORAGE_BUCKET_MISSING"));
        assertThat(harness.gate.requests()).isEmpty();
    }

    private static ComponentVerifierExtension.Result verify(ComponentVerifierExtension verifier, String instance) {
        return verifier.verify(
                ComponentVerifierExtension.Scope.CONNECTIVITY,
                Map.of("tenant", "acme", "environment", "prod", "instance", instance));
    }

    @Test
    void aGovernanceDenyWritesNothing() {
        harness.decide = request -> GovernanceDecision.deny(
                SpiErrorCode.RESIDENCY_MISMATCH,
                List.of("data region us-east-1 may not be stored in eu-central-1"),
                "decision-9");
        Exchange put = harness.call("put_object", "evidence", bytes("x"), Map.of(StorageConstants.KEY, "k"));
        assertThat(put.getException()).isInstanceOfSatisfying(PolicyDeniedException.class, e -> {
            assertThat(e.code()).isEqualTo(SpiErrorCode.RESIDENCY_MISMATCH);
            assertThat(e.decisionId()).isEqualTo("decision-9");
        });
        assertThat(s3.objectKeys(bucket)).isEmpty();
        assertThat(harness.gate.requests()).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo("storage.put_object");
            assertThat(request.adapter().region()).isEqualTo("eu-central-1");
            assertThat(request.adapter().backend()).isEqualTo(StorageComponent.BACKEND_S3);
        });
    }

    @Test
    void aNewConfigVersionSwitchesToANewDelegate() {
        harness.call("put_object", "evidence", bytes("v1"), Map.of(StorageConstants.KEY, "k"));
        Map<String, String> moved = new HashMap<>(config(bucket, s3.endpoint().toString()));
        moved.put(StorageDefinitions.KEY_PREFIX, "tenants/acme-v2");
        harness.instances.put(StorageHarness.instance("evidence", StorageComponent.BACKEND_S3, 2, moved));

        harness.call("put_object", "evidence", bytes("v2"), Map.of(StorageConstants.KEY, "k"));

        assertThat(s3.objectKeys(bucket)).containsExactlyInAnyOrder("tenants/acme/k", "tenants/acme-v2/k");
        assertThat(harness.component.liveDelegates()).isEqualTo(1);
        assertThat(harness.secrets.reads())
                .hasSize(4)
                .allSatisfy(read -> assertThat(read).endsWith("storage.s3.client"));
    }

    @Test
    void aMissingSecretIsCodedAndNamesNoValue() {
        Map<String, String> config = new HashMap<>(config(bucket, s3.endpoint().toString()));
        config.put(StorageDefinitions.SECRET_KEY, "secret:absent");
        harness.instances.put(StorageHarness.instance("nosecret", StorageComponent.BACKEND_S3, 1, config));
        Exchange put = harness.call("put_object", "nosecret", bytes("x"), Map.of(StorageConstants.KEY, "k"));
        assertThat(put.getException())
                .isInstanceOfSatisfying(
                        AdapterException.class, e -> assertThat(e.code()).isEqualTo(SpiErrorCode.SECRET_NOT_FOUND));
    }

    private static Map<String, String> config(String bucket, String endpoint) {
        return Map.of(
                StorageDefinitions.BUCKET, bucket,
                StorageDefinitions.ENDPOINT, endpoint,
                StorageDefinitions.REGION, S3ProxySandbox.REGION,
                StorageDefinitions.PATH_STYLE, "true",
                StorageDefinitions.KEY_PREFIX, "tenants/acme",
                StorageDefinitions.ACCESS_KEY, "secret:s3-access",
                StorageDefinitions.SECRET_KEY, "secret:s3-secret");
    }

    /** A stream that hides its length from Camel's type converters, as a request body of unknown length does. */
    private static final class UnknownLength extends FilterInputStream {
        UnknownLength(InputStream in) {
            super(in);
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
