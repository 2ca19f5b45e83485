package io.maestro.conductor.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maestro.conductor.hub.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Files go as multipart/form-data, streamed; each limit that is hit is named in a 413 problem. This hub runs with
 * {@code max-json-size=1MB}, {@code max-file-size=4MB} and {@code max-bundle-size=6MB} (see {@link StorageHub}).
 */
class EvidenceMultipartTest extends StorageHub {

    private static final String UPLOAD = "/api/tenants/" + TENANT + "/environments/" + ENV + "/evidence";
    private static final long FOUR_MB = 4L * 1024 * 1024;

    @Test
    void multipartUploadStoresEachFileWithTheHashOfWhatWasSent() {
        String bundleId = "multipart-" + UUID.randomUUID();
        List<Path> staged = stagedUploads();
        long size = 3L * 1024 * 1024 + 17;

        Api.Answer stored = new MultipartBody()
                .field("bundleId", bundleId)
                .field("region", "eu-west-1")
                .field("classification", "confidential")
                .file("scan.bin", "application/octet-stream", () -> new GeneratedContent(7, size))
                .file("notes.txt", "text/plain", "looks fine".getBytes(StandardCharsets.UTF_8))
                .post(port, UPLOAD, "operator", operatorPassword());

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        JsonNode files = stored.json().path("files");
        assertThat(files.get(0).path("name").asText()).isEqualTo("scan.bin");
        assertThat(files.get(0).path("size").asLong()).isEqualTo(size);
        assertThat(files.get(0).path("sha256").asText()).isEqualTo(GeneratedContent.sha256(7, size));
        assertThat(files.get(1).path("sha256").asText()).isEqualTo(sha256("looks fine"));
        assertThat(objectsOf(bundleId))
                .containsExactly(
                        storedKey(ENV, bundleId, "manifest.json"),
                        storedKey(ENV, bundleId, "notes.txt"),
                        storedKey(ENV, bundleId, "scan.bin"));
        JsonNode verified =
                asOperator("GET", UPLOAD + "/" + bundleId + "/verify", null).json();
        assertThat(verified.path("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(stagedUploads()).as("staging folders left").isEqualTo(staged);
    }

    @Test
    void aFileOverTheFileLimitIsRefusedWith413NamingTheLimitAndLeavesNothing() {
        String bundleId = "too-big-" + UUID.randomUUID();
        List<Path> staged = stagedUploads();

        Api.Answer refused = new MultipartBody()
                .field("bundleId", bundleId)
                .field("region", "eu-west-1")
                .field("classification", "confidential")
                .file("huge.bin", "application/octet-stream", () -> new GeneratedContent(1, FOUR_MB + 300_000))
                .post(port, UPLOAD, "operator", operatorPassword());

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("EVIDENCE_TOO_LARGE");
        assertThat(problem.path("limit").asText()).isEqualTo("conductor.evidence.max-file-size");
        assertThat(problem.path("limitBytes").asLong()).isEqualTo(FOUR_MB);
        assertThat(problem.path("detail").asText()).contains("huge.bin");
        assertThat(objectsOf(bundleId)).isEmpty();
        assertThat(stagedUploads()).as("staging folders left").isEqualTo(staged);
    }

    @Test
    void filesUnderTheFileLimitButOverTheRequestLimitAreRefusedWith413NamingThatLimit() {
        String bundleId = "bundle-big-" + UUID.randomUUID();
        List<Path> staged = stagedUploads();

        Api.Answer refused = new MultipartBody()
                .field("bundleId", bundleId)
                .field("region", "eu-west-1")
                .field("classification", "confidential")
                .file("part-1.bin", "application/octet-stream", () -> new GeneratedContent(2, 3_500_000))
                .file("part-2.bin", "application/octet-stream", () -> new GeneratedContent(3, 3_500_000))
                .post(port, UPLOAD, "operator", operatorPassword());

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("EVIDENCE_TOO_LARGE");
        assertThat(problem.path("limit").asText()).isEqualTo("conductor.evidence.max-bundle-size");
        assertThat(problem.path("limitBytes").asLong()).isEqualTo(6L * 1024 * 1024);
        assertThat(objectsOf(bundleId)).isEmpty();
        assertThat(stagedUploads()).as("staging folders left").isEqualTo(staged);
    }

    @Test
    void aJsonBodyOverItsLimitIsRefusedWith413PointingToMultipart() {
        String bundleId = "json-big-" + UUID.randomUUID();
        byte[] content = new byte[900_000];
        Map<String, Object> request = Map.of(
                "bundleId",
                bundleId,
                "region",
                "eu-west-1",
                "classification",
                "confidential",
                "files",
                List.of(Map.of("name", "big.bin", "content", Base64.getEncoder().encodeToString(content))));

        Api.Answer refused = asOperator("POST", UPLOAD, request);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asText()).isEqualTo("EVIDENCE_TOO_LARGE");
        assertThat(problem.path("limit").asText()).isEqualTo("conductor.evidence.max-json-size");
        assertThat(problem.path("limitBytes").asLong()).isEqualTo(1024 * 1024);
        assertThat(problem.path("detail").asText()).contains("multipart/form-data");
        assertThat(objectsOf(bundleId)).isEmpty();
    }

    @Test
    void fileNamesAndFieldsOfAMultipartUploadAreChecked() {
        String bundleId = "names-" + UUID.randomUUID();
        List<Path> staged = stagedUploads();

        Api.Answer traversal = new MultipartBody()
                .field("bundleId", bundleId)
                .field("region", "eu-west-1")
                .field("classification", "confidential")
                .file("../../escape.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .post(port, UPLOAD, "operator", operatorPassword());
        Api.Answer badId = new MultipartBody()
                .field("bundleId", "../" + bundleId)
                .field("region", "eu-west-1")
                .field("classification", "c")
                .file("a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .post(port, UPLOAD, "operator", operatorPassword());
        Api.Answer unknownField = new MultipartBody()
                .field("bundleId", bundleId)
                .field("region", "eu-west-1")
                .field("classification", "c")
                .field("endpoint", "http://elsewhere.example")
                .file("a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .post(port, UPLOAD, "operator", operatorPassword());
        Api.Answer otherTenant = new MultipartBody()
                .field("region", "eu-west-1")
                .field("classification", "c")
                .file("a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .post(port, UPLOAD, SCOPED_USER, SCOPED_PASSWORD);

        for (Api.Answer refused : List.of(traversal, badId, unknownField)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("EVIDENCE_INVALID");
        }
        assertThat(traversal.json().path("detail").asText()).contains("plain file name");
        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(objectsOf(bundleId)).isEmpty();
        assertThat(stagedUploads()).as("staging folders left").isEqualTo(staged);
    }

    private static List<Path> stagedUploads() {
        try (Stream<Path> staged = Files.list(DATA_DIR.resolve("evidence-spool"))) {
            return staged.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
