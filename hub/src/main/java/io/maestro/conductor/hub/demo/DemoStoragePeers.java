package io.maestro.conductor.hub.demo;

import java.nio.file.Path;

import io.maestro.conductor.sandbox.GcsSandbox;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's storage peers: an S3Proxy keeping its objects under the data dir (so they outlive a restart, like
 * the registry) and an in-memory GCS fake. When the S3 port is taken the demo stands aside ({@link #s3()} is
 * null) rather than stopping the hub or re-pointing the tenants' instances at a new port on every start.
 */
public final class DemoStoragePeers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStoragePeers.class);

    private final S3ProxySandbox s3;
    private final GcsSandbox gcs = new GcsSandbox();

    private DemoStoragePeers(S3ProxySandbox s3) {
        this.s3 = s3;
    }

    public static DemoStoragePeers start(Path dataDir, int s3Port) {
        S3ProxySandbox.relaxAwsSdkChecksums();
        S3ProxySandbox s3 = S3ProxySandbox.builder().filesystem(dataDir.resolve("demo-s3")).port(s3Port).build();
        try {
            s3.start();
        } catch (IllegalStateException e) {
            LOG.warn("event=demo_storage_skipped reason=\"S3 port {} is taken\"", s3Port);
            s3.close();
            return new DemoStoragePeers(null);
        }
        LOG.info("event=demo_storage_started s3_endpoint={}", s3.endpoint());
        return new DemoStoragePeers(s3);
    }

    /** The S3 peer, or null when it could not start. */
    public S3ProxySandbox s3() {
        return s3;
    }

    public GcsSandbox gcs() {
        return gcs;
    }

    @Override
    public void close() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        gcs.close();
    }
}
