package io.maestro.conductor.storage.gcs;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.CamelDelegate;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.storage.StorageErrorCode;
import io.maestro.conductor.storage.StorageInstanceConfig;
import io.maestro.conductor.storage.backend.BucketBackend;
import io.maestro.conductor.storage.backend.ObjectContent;
import io.maestro.conductor.storage.backend.ObjectInfo;
import io.maestro.conductor.storage.backend.ObjectPage;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.google.storage.GoogleCloudStorageComponent;
import org.apache.camel.component.google.storage.GoogleCloudStorageConfiguration;
import org.apache.camel.component.google.storage.GoogleCloudStorageConstants;
import org.apache.camel.component.google.storage.GoogleCloudStorageEndpoint;
import org.apache.camel.component.google.storage.GoogleCloudStorageOperations;

/**
 * Google Cloud Storage through camel-google-storage: one {@link GoogleCloudStorageEndpoint} and producer per
 * instance config version for writes and deletes. Reads, heads, listings and signing use the same client directly:
 * the Camel producer reads whole objects into memory, lists without pages and signs V2 URLs, where this adapter
 * streams, pages and signs V4.
 */
public final class GcsStorageBackend extends BucketBackend {

    private final Storage storage;
    private final CamelDelegate delegate;

    public GcsStorageBackend(
            CamelContext camelContext, ResolvedInstance instance, StorageInstanceConfig config, Storage storage)
            throws Exception {
        super(instance, config, "gs");
        this.storage = storage;
        GoogleCloudStorageConfiguration camelConfig = new GoogleCloudStorageConfiguration();
        camelConfig.setBucketName(config.bucket());
        camelConfig.setStorageClient(storage);
        camelConfig.setAutoCreateBucket(false);
        GoogleCloudStorageEndpoint endpoint = new GoogleCloudStorageEndpoint(
                "google-storage://" + config.bucket(), new GoogleCloudStorageComponent(camelContext), camelConfig);
        this.delegate = CamelDelegate.start(endpoint, e -> GcsErrors.map(e, instanceId, bucket), this::closeClient);
    }

    @Override
    public ObjectInfo put(String fullKey, InputStream body, long length, String contentType) {
        Exchange exchange = delegate.createExchange();
        exchange.getMessage().setHeader(GoogleCloudStorageConstants.OBJECT_NAME, fullKey);
        exchange.getMessage().setHeader(GoogleCloudStorageConstants.CONTENT_TYPE, contentType);
        if (length >= 0) {
            exchange.getMessage().setHeader(GoogleCloudStorageConstants.CONTENT_LENGTH, length);
        }
        exchange.getMessage().setBody(body);
        delegate.process(exchange);
        Blob created = exchange.getMessage().getBody(Blob.class);
        return info(created);
    }

    @Override
    public ObjectContent get(String fullKey) {
        Blob blob = blob(fullKey)
                .orElseThrow(() -> new AdapterException(
                        StorageErrorCode.STORAGE_NOT_FOUND, instanceId, "no object at the key in bucket " + bucket));
        try {
            return new ObjectContent(info(blob), Channels.newInputStream(blob.reader()));
        } catch (RuntimeException e) {
            throw GcsErrors.map(e, instanceId, bucket);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String fullKey) {
        return blob(fullKey).map(GcsStorageBackend::info);
    }

    @Override
    public void delete(String fullKey) {
        Exchange exchange = delegate.createExchange();
        exchange.getMessage()
                .setHeader(GoogleCloudStorageConstants.OPERATION, GoogleCloudStorageOperations.deleteObject);
        exchange.getMessage().setHeader(GoogleCloudStorageConstants.OBJECT_NAME, fullKey);
        delegate.process(exchange);
    }

    @Override
    public String signedUrl(String fullKey, Duration expiry) {
        try {
            return storage.signUrl(
                            BlobInfo.newBuilder(BlobId.of(bucket, fullKey)).build(),
                            expiry.toMillis(),
                            TimeUnit.MILLISECONDS,
                            Storage.SignUrlOption.withV4Signature())
                    .toString();
        } catch (IllegalStateException e) {
            // The client has no signing key (no service-account credential): a config problem, not a transient one.
            throw new AdapterException(
                    StorageErrorCode.STORAGE_SIGNING_UNSUPPORTED,
                    instanceId,
                    "the GCS credentials of this instance cannot sign URLs; configure a service-account key");
        } catch (RuntimeException e) {
            throw GcsErrors.map(e, instanceId, bucket);
        }
    }

    @Override
    public ObjectPage list(String fullPrefix, String continuationToken, int maxKeys) {
        try {
            List<Storage.BlobListOption> options = new ArrayList<>(
                    List.of(Storage.BlobListOption.prefix(fullPrefix), Storage.BlobListOption.pageSize(maxKeys)));
            if (continuationToken != null) {
                options.add(Storage.BlobListOption.pageToken(continuationToken));
            }
            Page<Blob> page = storage.list(bucket, options.toArray(new Storage.BlobListOption[0]));
            List<ObjectInfo> objects = new ArrayList<>();
            for (Blob blob : page.getValues()) {
                objects.add(info(blob));
            }
            return new ObjectPage(objects, page.hasNextPage() ? page.getNextPageToken() : null);
        } catch (RuntimeException e) {
            throw GcsErrors.map(e, instanceId, bucket);
        }
    }

    private Optional<Blob> blob(String fullKey) {
        try {
            return Optional.ofNullable(storage.get(BlobId.of(bucket, fullKey)));
        } catch (RuntimeException e) {
            throw GcsErrors.map(e, instanceId, bucket);
        }
    }

    private static ObjectInfo info(Blob blob) {
        return new ObjectInfo(
                blob.getName(),
                blob.getSize() == null ? -1 : blob.getSize(),
                blob.getContentType(),
                blob.getEtag(),
                blob.getUpdateTimeOffsetDateTime() == null ? null : Instant.from(blob.getUpdateTimeOffsetDateTime()));
    }

    @Override
    public void close() {
        delegate.close();
        closeClient();
    }

    private void closeClient() {
        try {
            storage.close();
        } catch (Exception e) {
            // The client holds no resource whose failed release matters once this version is retired.
        }
    }
}
