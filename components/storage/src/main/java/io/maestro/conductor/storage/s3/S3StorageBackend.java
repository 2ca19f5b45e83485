package io.maestro.conductor.storage.s3;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.CamelDelegate;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.storage.StorageErrorCode;
import io.maestro.conductor.storage.StorageInstanceConfig;
import io.maestro.conductor.storage.backend.BucketBackend;
import io.maestro.conductor.storage.backend.ObjectContent;
import io.maestro.conductor.storage.backend.ObjectInfo;
import io.maestro.conductor.storage.backend.ObjectPage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Component;
import org.apache.camel.component.aws2.s3.AWS2S3Configuration;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.aws2.s3.AWS2S3Endpoint;
import org.apache.camel.component.aws2.s3.AWS2S3Operations;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 and S3-compatible stores (AWS, MinIO, S3Proxy) through camel-aws2-s3: one {@link AWS2S3Endpoint} and producer
 * per instance config version, on an SDK client this backend builds (checksum mode, path style, endpoint override,
 * credentials from the tenant's secrets). {@code list} calls the same client's ListObjectsV2 directly, because the
 * Camel producer's listObjects has no continuation token or page size.
 */
public final class S3StorageBackend extends BucketBackend {

    private final S3Client client;
    private final S3Presigner presigner;
    private final CamelDelegate delegate;

    public S3StorageBackend(
            CamelContext camelContext, ResolvedInstance instance, StorageInstanceConfig config, InstanceSecrets secrets)
            throws Exception {
        super(instance, config, "s3");
        AwsCredentialsProvider credentials = S3Clients.credentials(secrets);
        this.client = S3Clients.client(config, credentials);
        this.presigner = S3Clients.presigner(config, credentials);

        AWS2S3Configuration camelConfig = new AWS2S3Configuration();
        camelConfig.setBucketName(config.bucket());
        camelConfig.setRegion(config.region());
        camelConfig.setForcePathStyle(config.pathStyle());
        camelConfig.setAmazonS3Client(client);
        camelConfig.setAmazonS3Presigner(presigner);
        camelConfig.setAutoCreateBucket(false);
        AWS2S3Endpoint endpoint =
                new AWS2S3Endpoint("aws2-s3://" + config.bucket(), new AWS2S3Component(camelContext), camelConfig);
        this.delegate = CamelDelegate.start(endpoint, e -> S3Errors.map(e, instanceId, bucket), this::closeClients);
    }

    /**
     * A body of known length streams through the Camel producer. One of unknown length is read up to one part: if it
     * ends there it is put with the length now known, else it streams as a multipart upload.
     */
    @Override
    public ObjectInfo put(String fullKey, InputStream body, long length, String contentType) {
        if (length >= 0) {
            return putKnownLength(fullKey, body, length, contentType);
        }
        try {
            byte[] firstPart = S3StreamingUpload.readFirstPart(body);
            if (firstPart.length < S3StreamingUpload.PART_SIZE) {
                return putKnownLength(fullKey, new ByteArrayInputStream(firstPart), firstPart.length, contentType);
            }
            String etag = S3StreamingUpload.upload(client, bucket, fullKey, contentType, firstPart, body);
            return new ObjectInfo(fullKey, -1, contentType, etag, null);
        } catch (UncheckedIOException e) {
            throw new AdapterException(
                    SpiErrorCode.REQUEST_INVALID,
                    instanceId,
                    "the object body could not be read: "
                            + e.getCause().getClass().getSimpleName());
        } catch (RuntimeException e) {
            throw S3Errors.map(e, instanceId, bucket);
        }
    }

    private ObjectInfo putKnownLength(String fullKey, InputStream body, long length, String contentType) {
        Exchange exchange = call(null, fullKey, message -> {
            message.setBody(body);
            message.setHeader(AWS2S3Constants.CONTENT_TYPE, contentType);
            message.setHeader(AWS2S3Constants.CONTENT_LENGTH, length);
        });
        return new ObjectInfo(
                fullKey,
                length,
                contentType,
                exchange.getMessage().getHeader(AWS2S3Constants.E_TAG, String.class),
                null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ObjectContent get(String fullKey) {
        Exchange exchange = call(AWS2S3Operations.getObject, fullKey, message -> {});
        ResponseInputStream<GetObjectResponse> stream = exchange.getMessage().getBody(ResponseInputStream.class);
        GetObjectResponse response = stream.response();
        return new ObjectContent(
                new ObjectInfo(
                        fullKey,
                        response.contentLength() == null ? -1 : response.contentLength(),
                        response.contentType(),
                        response.eTag(),
                        response.lastModified()),
                stream);
    }

    @Override
    public Optional<ObjectInfo> head(String fullKey) {
        try {
            Exchange exchange = call(AWS2S3Operations.headObject, fullKey, message -> {});
            HeadObjectResponse response = exchange.getMessage().getBody(HeadObjectResponse.class);
            return Optional.of(new ObjectInfo(
                    fullKey,
                    response.contentLength() == null ? -1 : response.contentLength(),
                    response.contentType(),
                    response.eTag(),
                    response.lastModified()));
        } catch (AdapterException e) {
            if (e.code() == StorageErrorCode.STORAGE_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(String fullKey) {
        call(AWS2S3Operations.deleteObject, fullKey, message -> {});
    }

    @Override
    public String signedUrl(String fullKey, Duration expiry) {
        Exchange exchange = call(
                AWS2S3Operations.createDownloadLink,
                fullKey,
                message -> message.setHeader(AWS2S3Constants.DOWNLOAD_LINK_EXPIRATION_TIME, expiry.toMillis()));
        return exchange.getMessage().getBody(String.class);
    }

    @Override
    public ObjectPage list(String fullPrefix, String continuationToken, int maxKeys) {
        try {
            ListObjectsV2Response response = client.listObjectsV2(request ->
                    request.bucket(bucket).prefix(fullPrefix).maxKeys(maxKeys).continuationToken(continuationToken));
            List<ObjectInfo> objects = new ArrayList<>();
            for (S3Object object : response.contents()) {
                objects.add(new ObjectInfo(
                        object.key(),
                        object.size() == null ? -1 : object.size(),
                        null,
                        object.eTag(),
                        object.lastModified()));
            }
            return new ObjectPage(
                    objects, Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null);
        } catch (Exception e) {
            throw S3Errors.map(e, instanceId, bucket);
        }
    }

    /** Runs one camel-aws2-s3 operation ({@code null} = put) on a fresh exchange of the delegate endpoint. */
    private Exchange call(AWS2S3Operations operation, String fullKey, Consumer<Message> request) {
        Exchange exchange = delegate.createExchange();
        if (operation != null) {
            exchange.getMessage().setHeader(AWS2S3Constants.S3_OPERATION, operation);
        }
        exchange.getMessage().setHeader(AWS2S3Constants.KEY, fullKey);
        request.accept(exchange.getMessage());
        return delegate.process(exchange);
    }

    @Override
    public void close() {
        delegate.close();
        closeClients();
    }

    private void closeClients() {
        presigner.close();
        client.close();
    }
}
