package io.maestro.conductor.storage.s3;

import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.adapter.secret.Secret;
import io.maestro.conductor.storage.StorageDefinitions;
import io.maestro.conductor.storage.StorageInstanceConfig;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the AWS SDK client and presigner of one S3 instance config version. */
final class S3Clients {

    static final String PURPOSE = "storage.s3.client";

    private S3Clients() {}

    /**
     * The instance's own keys, always: falling back to the hub's workload identity would hand one tenant the hub's
     * cloud rights, so the definition requires both keys.
     */
    static AwsCredentialsProvider credentials(InstanceSecrets secrets) {
        Secret accessKey = secrets.require(StorageDefinitions.ACCESS_KEY, PURPOSE);
        Secret secretKey = secrets.require(StorageDefinitions.SECRET_KEY, PURPOSE);
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.reveal(), secretKey.reveal()));
    }

    /**
     * Checksums only where S3 requires them: the SDK's newer defaults are rejected by several S3-compatible stores
     * (S3Proxy, older MinIO) and add nothing over TLS with real S3.
     */
    static S3Client client(StorageInstanceConfig config, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(config.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)));
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder.build();
    }

    static S3Presigner presigner(StorageInstanceConfig config, AwsCredentialsProvider credentials) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.pathStyle())
                        .build());
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder.build();
    }
}
