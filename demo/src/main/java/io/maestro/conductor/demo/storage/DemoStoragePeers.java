package io.maestro.conductor.demo.storage;

import io.maestro.conductor.sandbox.GcsSandbox;
import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's storage peers: an S3Proxy keeping its objects under the data dir (so they outlive a restart, like
 * the registry) and an in-memory GCS fake.
 *
 * <p>The S3 port is {@code conductor.demo.storage.s3-port} when set; by default a free port is picked on the first
 * start and remembered in {@value #PORT_FILE} of the data dir, so later starts serve at the address the demo
 * tenants' instances already name (re-pointing them on every start would add a receipt each time). When a set
 * port is taken the demo stands aside ({@link #s3()} is null) rather than stopping the hub; when a remembered one
 * is taken it moves to a free port.
 */
public final class DemoStoragePeers implements AutoCloseable {

    static final String PORT_FILE = "demo-s3-port";
    private static final Logger LOG = LoggerFactory.getLogger(DemoStoragePeers.class);

    private final S3ProxySandbox s3;
    private final GcsSandbox gcs = new GcsSandbox();

    private DemoStoragePeers(S3ProxySandbox s3) {
        this.s3 = s3;
    }

    /** @param s3Port the configured S3 port, or 0 for a free one remembered in the data dir */
    public static DemoStoragePeers start(Path dataDir, int s3Port) {
        S3ProxySandbox.relaxAwsSdkChecksums();
        if (s3Port > 0) {
            S3ProxySandbox s3 = startS3(dataDir, s3Port);
            if (s3 == null) {
                LOG.warn(
                        "event=demo_storage_skipped reason=\"S3 port {} is taken\" setting=conductor.demo.storage.s3-port",
                        s3Port);
            }
            return new DemoStoragePeers(s3);
        }
        Path remembered = dataDir.resolve(PORT_FILE);
        int previous = readPort(remembered);
        S3ProxySandbox s3 = previous > 0 ? startS3(dataDir, previous) : null;
        if (s3 == null) {
            s3 = startS3(dataDir, 0);
            if (s3 == null) {
                throw new IllegalStateException("the demo S3 peer found no free port on 127.0.0.1");
            }
            writePort(remembered, s3.port());
        }
        return new DemoStoragePeers(s3);
    }

    /** The started peer, or null when the port is taken. */
    private static S3ProxySandbox startS3(Path dataDir, int port) {
        S3ProxySandbox s3 = S3ProxySandbox.builder()
                .filesystem(dataDir.resolve("demo-s3"))
                .port(port)
                .build();
        try {
            s3.start();
        } catch (IllegalStateException taken) {
            s3.close();
            return null;
        }
        LOG.info("event=demo_storage_started s3_endpoint={}", s3.endpoint());
        return s3;
    }

    private static int readPort(Path file) {
        try {
            return Files.exists(file)
                    ? Integer.parseInt(
                            Files.readString(file, StandardCharsets.UTF_8).strip())
                    : 0;
        } catch (IOException | NumberFormatException unreadable) {
            LOG.warn("event=demo_storage_port_unreadable path={}", file);
            return 0;
        }
    }

    private static void writePort(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Integer.toString(port), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember the demo S3 port in " + file, e);
        }
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
