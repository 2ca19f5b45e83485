package io.maestro.conductor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.ServiceAccountCredentials;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.sandbox.GcsSandbox;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GcsStorageTest {

    private static final String BUCKET = "evidence-eu";

    private final GcsSandbox gcs = new GcsSandbox();
    private StorageHarness harness;

    @BeforeEach
    void setUp() {
        harness = new StorageHarness();
        harness.component.setGcsClientFactory((instance, config, secrets) -> gcs.storage());
        // The fake client factory ignores the key; the definition requires one all the same.
        harness.instances.put(StorageHarness.instance(
                "archive",
                StorageComponent.BACKEND_GCS,
                1,
                Map.of(
                        StorageDefinitions.BUCKET,
                        BUCKET,
                        StorageDefinitions.REGION,
                        "europe-west1",
                        StorageDefinitions.KEY_PREFIX,
                        "tenants/acme",
                        StorageDefinitions.SERVICE_ACCOUNT_KEY,
                        "secret:gcs-key")));
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        gcs.close();
    }

    @Test
    void putGetHeadListDeleteThroughTheFake() throws Exception {
        for (String key : List.of("docs/1.txt", "docs/2.txt", "docs/3.txt")) {
            Exchange put = harness.call(
                    "put_object",
                    "archive",
                    bytes("content of " + key),
                    Map.of(StorageConstants.KEY, key, StorageConstants.CONTENT_LENGTH, (long)
                            ("content of " + key).length()));
            assertThat(put.getException()).isNull();
            assertThat(put.getMessage().getHeader(StorageConstants.LOCATION))
                    .isEqualTo("gs://" + BUCKET + "/tenants/acme/" + key);
        }
        assertThat(gcs.objectNames(BUCKET))
                .containsExactlyInAnyOrder(
                        "tenants/acme/docs/1.txt", "tenants/acme/docs/2.txt", "tenants/acme/docs/3.txt");

        Exchange get = harness.call("get_object", "archive", null, Map.of(StorageConstants.KEY, "docs/2.txt"));
        assertThat(get.getException()).isNull();
        try (InputStream body = get.getMessage().getBody(InputStream.class)) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("content of docs/2.txt");
        }

        Exchange firstPage = harness.call(
                "list", "archive", null, Map.of(StorageConstants.PREFIX, "docs/", StorageConstants.MAX_KEYS, 2));
        assertThat(firstPage.getException()).isNull();
        assertThat(firstPage.getMessage().getBody(List.class)).hasSize(2);
        // The fake honours the page size but never returns a page token, so continuation is covered on S3 only.
        Exchange all = harness.call("list", "archive", null, Map.of(StorageConstants.PREFIX, "docs/"));
        assertThat(all.getMessage().getBody(List.class))
                .containsExactlyInAnyOrder("docs/1.txt", "docs/2.txt", "docs/3.txt");

        assertThat(harness.call("delete", "archive", null, Map.of(StorageConstants.KEY, "docs/1.txt"))
                        .getException())
                .isNull();
        Exchange head = harness.call("head", "archive", null, Map.of(StorageConstants.KEY, "docs/1.txt"));
        assertThat(head.getMessage().getHeader(StorageConstants.EXISTS, Boolean.class))
                .isFalse();
    }

    @Test
    void aMissingObjectIsStorageNotFound() {
        Exchange get = harness.call("get_object", "archive", null, Map.of(StorageConstants.KEY, "missing"));
        assertThat(get.getException()).isInstanceOfSatisfying(AdapterException.class, e -> {
            assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_NOT_FOUND);
            assertThat(e.instanceId()).isEqualTo("acme/prod/archive");
        });
    }

    @Test
    void keysAreConfinedToThePrefixOnGcsToo() {
        Exchange put =
                harness.call("put_object", "archive", bytes("x"), Map.of(StorageConstants.KEY, "../other-tenant/x"));
        assertThat(put.getException())
                .isInstanceOfSatisfying(
                        AdapterException.class,
                        e -> assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_KEY_INVALID));
        assertThat(gcs.objectNames(BUCKET)).isEmpty();
    }

    @Test
    void signingWithoutAServiceAccountKeyIsAClearCodedError() {
        harness.call("put_object", "archive", bytes("x"), Map.of(StorageConstants.KEY, "k"));
        Exchange signed = harness.call("signed_url", "archive", null, Map.of(StorageConstants.KEY, "k"));
        assertThat(signed.getException()).isInstanceOfSatisfying(AdapterException.class, e -> {
            assertThat(e.code()).isEqualTo(StorageErrorCode.STORAGE_SIGNING_UNSUPPORTED);
            assertThat(e.getMessage()).contains("service-account key");
        });
    }

    @Test
    void signsV4UrlsWithAServiceAccountCredential() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        ServiceAccountCredentials signer = ServiceAccountCredentials.newBuilder()
                .setClientEmail("signer@test-project.iam.gserviceaccount.com")
                .setPrivateKey(generator.generateKeyPair().getPrivate())
                .setProjectId("test-project")
                .build();
        harness.component.setGcsClientFactory((instance, config, secrets) -> gcs.storage().getOptions().toBuilder()
                .setCredentials(signer)
                .build()
                .getService());

        Exchange signed = harness.call(
                "signed_url",
                "archive",
                null,
                Map.of(StorageConstants.KEY, "docs/report.pdf", StorageConstants.SIGNED_URL_EXPIRY_SECONDS, 300L));

        assertThat(signed.getException()).isNull();
        String url = URLDecoder.decode(signed.getMessage().getBody(String.class), StandardCharsets.UTF_8);
        assertThat(url)
                .contains("/" + BUCKET + "/tenants/acme/docs/report.pdf")
                .contains("X-Goog-Algorithm=GOOG4-RSA-SHA256")
                .contains("X-Goog-Credential=signer@test-project.iam.gserviceaccount.com/")
                .contains("X-Goog-Expires=300")
                .containsPattern("X-Goog-Signature=[0-9a-f]{512}");
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
