package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import io.maestro.conductor.registry.Registry;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A single evidence file larger than the hub's heap (and far over the ~15 MB that used to fail as "not JSON") goes
 * through multipart/form-data, the staging folder, S3 and back through verification without being held whole:
 * surefire execution "bounded-heap" runs this in a JVM whose heap is smaller than the file.
 */
@Tag("slow")
@Tag("bounded-heap")
class EvidenceLargeFileTest {

    private static final long SIZE = 320L * 1024 * 1024;
    private static final String PASSWORD = "large-file-" + UUID.randomUUID();

    @TempDir
    Path dataDir;

    @Test
    void aFileLargerThanTheHeapIsStoredStreamedAndVerifies() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("heap must be smaller than the file")
                .isLessThan(SIZE);
        String bundleId = "large-" + UUID.randomUUID();
        try (ConfigurableApplicationContext hub = StorageHub.startHub(
                dataDir,
                Map.of(
                        "conductor.operator.password",
                        PASSWORD,
                        "conductor.evidence.max-file-size",
                        "1GB",
                        "conductor.evidence.max-bundle-size",
                        "1GB"))) {
            StorageHub.prepareTenants(hub.getBean(Registry.class));
            int port = StorageHub.portOf(hub);
            String bundle = "/api/tenants/" + StorageHub.TENANT + "/environments/" + StorageHub.ENV + "/evidence";

            Api.Answer stored = new MultipartBody()
                    .field("bundleId", bundleId)
                    .field("region", "eu-west-1")
                    .field("classification", "confidential")
                    .file("disk-image.bin", "application/octet-stream", () -> new GeneratedContent(42, SIZE))
                    .post(port, bundle, "operator", PASSWORD);

            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            String sent = GeneratedContent.sha256(42, SIZE);
            JsonNode file = stored.json().path("files").get(0);
            assertThat(file.path("size").asLong()).isEqualTo(SIZE);
            assertThat(file.path("sha256").asText()).isEqualTo(sent);
            JsonNode verified = new Api(port)
                    .get(bundle + "/" + bundleId + "/verify", "operator", PASSWORD)
                    .json();
            assertThat(verified.path("valid").asBoolean())
                    .as(verified.toString())
                    .isTrue();
            assertThat(verified.path("files").get(0).path("actualSha256").asText())
                    .isEqualTo(sent);
            assertThat(verified.path("files").get(0).path("size").asLong()).isEqualTo(SIZE);
        }
    }
}
