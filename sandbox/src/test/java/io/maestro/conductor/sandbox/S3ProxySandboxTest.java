package io.maestro.conductor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ProxySandboxTest {

    @Test
    void servesTheS3ApiOverHttpAndKeepsObjectsAndPortAcrossRestart() {
        try (S3ProxySandbox sandbox = S3ProxySandbox.startTransient()) {
            sandbox.createBucket("evidence");
            int port = sandbox.port();
            assertThat(port).isPositive();
            assertThat(sandbox.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));

            try (S3Client client = client(sandbox, sandbox.secretKey())) {
                client.putObject(b -> b.bucket("evidence").key("a/b.txt"), RequestBody.fromBytes(utf8("hello")));
                assertThat(client.getObjectAsBytes(b -> b.bucket("evidence").key("a/b.txt"))
                                .asUtf8String())
                        .isEqualTo("hello");

                sandbox.stop();
                assertThat(sandbox.isRunning()).isFalse();
                assertThatThrownBy(() ->
                                client.headObject(b -> b.bucket("evidence").key("a/b.txt")))
                        .isInstanceOf(SdkClientException.class);

                sandbox.start();
                assertThat(sandbox.port()).isEqualTo(port);
                assertThat(client.getObjectAsBytes(b -> b.bucket("evidence").key("a/b.txt"))
                                .asUtf8String())
                        .isEqualTo("hello");
            }
            assertThat(sandbox.objectKeys("evidence")).containsExactly("a/b.txt");
            assertThat(sandbox.bucketNames()).containsExactly("evidence");
        }
    }

    @Test
    void refusesAWrongSecretWith403() {
        try (S3ProxySandbox sandbox = S3ProxySandbox.startTransient();
                S3Client client = client(sandbox, "not-the-secret")) {
            sandbox.createBucket("evidence");
            assertThatThrownBy(() -> client.listObjectsV2(b -> b.bucket("evidence")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void theChecksumSystemPropertiesLetAPlainSdkClientWrite() {
        S3ProxySandbox.relaxAwsSdkChecksums();
        try (S3ProxySandbox sandbox =
                        S3ProxySandbox.builder().port(freePort()).build().start();
                S3Client plain = S3Client.builder()
                        .endpointOverride(sandbox.endpoint())
                        .forcePathStyle(true)
                        .region(Region.of(sandbox.region()))
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(sandbox.accessKey(), sandbox.secretKey())))
                        .build()) {
            sandbox.createBucket("plain");
            plain.putObject(b -> b.bucket("plain").key("k"), RequestBody.fromBytes(utf8("checked")));
            assertThat(plain.getObjectAsBytes(b -> b.bucket("plain").key("k")).asUtf8String())
                    .isEqualTo("checked");
        }
    }

    @Test
    void filesystemStoreKeepsObjectsOnDisk(@TempDir Path root) {
        try (S3ProxySandbox sandbox =
                        S3ProxySandbox.builder().filesystem(root).build().start();
                S3Client client = client(sandbox, sandbox.secretKey())) {
            sandbox.createBucket("files");
            client.putObject(b -> b.bucket("files").key("k"), RequestBody.fromBytes(utf8("on disk")));
            assertThat(root.resolve("files").resolve("k")).hasContent("on disk");
        }
    }

    /**
     * Bytes rather than {@code RequestBody.fromString}: that signs "charset=UTF-8", which S3Proxy's Jetty
     * lower-cases before checking the signature (403 SignatureDoesNotMatch).
     */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static S3Client client(S3ProxySandbox sandbox, String secret) {
        return S3Client.builder()
                .endpointOverride(sandbox.endpoint())
                .forcePathStyle(true)
                .region(Region.of(sandbox.region()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(sandbox.accessKey(), secret)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryPolicy(RetryPolicy.none())
                        .apiCallTimeout(Duration.ofSeconds(10))
                        .build())
                .build();
    }
}
