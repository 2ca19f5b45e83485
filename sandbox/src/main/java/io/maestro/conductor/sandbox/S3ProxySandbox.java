package io.maestro.conductor.sandbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3 API (S3Proxy) served over HTTP on 127.0.0.1, backed by an in-memory or filesystem blob store.
 *
 * <p>The first start binds a free port; later starts re-bind the same port and keep the blob store, so a
 * fault test can {@link #stop()} the peer and {@link #start()} it again at the address clients already hold.
 */
public final class S3ProxySandbox implements AutoCloseable {

    public static final String DEFAULT_ACCESS_KEY = "sandbox-access-key";
    public static final String DEFAULT_SECRET_KEY = "sandbox-secret-key";
    /** S3Proxy accepts any region in a signature; clients still need one to sign with. */
    public static final String REGION = "us-east-1";

    private static final Logger LOG = LoggerFactory.getLogger(S3ProxySandbox.class);

    private final String accessKey;
    private final String secretKey;
    private final BlobStoreContext blobStoreContext;
    private int port;
    private S3Proxy proxy;

    private S3ProxySandbox(Builder builder) {
        this.accessKey = builder.accessKey;
        this.secretKey = builder.secretKey;
        this.port = builder.port;
        this.blobStoreContext = builder.newBlobStoreContext();
    }

    /**
     * Makes every AWS SDK v2 client built afterwards in this JVM send and check checksums only where the S3
     * API requires them. S3Proxy rejects the SDK's newer default checksums (400, "x-amz-content-sha256 does
     * not match"); call this before building a client that talks to the sandbox without its own setting.
     */
    public static void relaxAwsSdkChecksums() {
        System.setProperty("aws.requestChecksumCalculation", "WHEN_REQUIRED");
        System.setProperty("aws.responseChecksumValidation", "WHEN_REQUIRED");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts an in-memory S3 peer with the default credentials on a free port. */
    public static S3ProxySandbox startTransient() {
        return builder().build().start();
    }

    /** Starts (or restarts) the peer; after the first start the port never changes. Returns this. */
    public synchronized S3ProxySandbox start() {
        if (isRunning()) {
            return this;
        }
        S3Proxy candidate = S3Proxy.builder()
                .blobStore(blobStoreContext.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            candidate.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on 127.0.0.1:" + port, e);
        }
        proxy = candidate;
        port = candidate.getPort();
        LOG.info("S3Proxy sandbox listening on {}", endpoint());
        return this;
    }

    /** Stops serving HTTP; the stored objects stay for the next {@link #start()}. */
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            proxy = null;
        }
        LOG.info("S3Proxy sandbox on port {} stopped", port);
    }

    public synchronized boolean isRunning() {
        return proxy != null;
    }

    /** The HTTP endpoint; only meaningful once started. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String region() {
        return REGION;
    }

    /** Creates a bucket directly in the blob store (works while stopped, too). */
    public void createBucket(String bucket) {
        blobStoreContext.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** Every object key in a bucket, read from the blob store itself rather than over HTTP. */
    public List<String> objectKeys(String bucket) {
        BlobStore store = blobStoreContext.getBlobStore();
        List<String> keys = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.recursive();
        while (true) {
            PageSet<? extends StorageMetadata> page = store.list(bucket, options);
            for (StorageMetadata metadata : page) {
                keys.add(metadata.getName());
            }
            if (page.getNextMarker() == null) {
                return keys;
            }
            options = ListContainerOptions.Builder.recursive().afterMarker(page.getNextMarker());
        }
    }

    /** An object's content, read from the blob store itself; null when there is no such object. */
    public byte[] objectContent(String bucket, String key) {
        org.jclouds.blobstore.domain.Blob blob = blobStoreContext.getBlobStore().getBlob(bucket, key);
        if (blob == null) {
            return null;
        }
        try (java.io.InputStream in = blob.getPayload().openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every bucket name, so a test can assert that no bucket received an object. */
    public List<String> bucketNames() {
        List<String> names = new ArrayList<>();
        for (StorageMetadata metadata : blobStoreContext.getBlobStore().list()) {
            names.add(metadata.getName());
        }
        return names;
    }

    @Override
    public void close() {
        stop();
        blobStoreContext.close();
    }

    /** Options for an {@link S3ProxySandbox}; every option has a usable default. */
    public static final class Builder {
        private String accessKey = DEFAULT_ACCESS_KEY;
        private String secretKey = DEFAULT_SECRET_KEY;
        private Path filesystemRoot;
        private int port;

        private Builder() {}

        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /**
         * Stores objects as files under {@code root} instead of in heap: needed for objects larger than the
         * heap of the JVM that runs the sandbox.
         */
        public Builder filesystem(Path root) {
            this.filesystemRoot = Objects.requireNonNull(root, "root");
            return this;
        }

        /** A fixed port; the default 0 lets the first start pick a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public S3ProxySandbox build() {
            return new S3ProxySandbox(this);
        }

        private BlobStoreContext newBlobStoreContext() {
            Properties overrides = new Properties();
            String provider = "transient";
            if (filesystemRoot != null) {
                try {
                    Files.createDirectories(filesystemRoot);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot create S3Proxy root " + filesystemRoot, e);
                }
                provider = "filesystem";
                overrides.setProperty(
                        "jclouds.filesystem.basedir",
                        filesystemRoot.toAbsolutePath().toString());
            }
            return ContextBuilder.newBuilder(provider)
                    .credentials(accessKey, secretKey)
                    .overrides(overrides)
                    .buildView(BlobStoreContext.class);
        }
    }
}
