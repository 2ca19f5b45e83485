package io.maestro.conductor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.maestro.conductor.sandbox.S3ProxySandbox;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MiB object streams through put_object (with and without a known length) and get_object. Runs in its own JVM whose heap is smaller than the
 * object (surefire execution "bounded-heap"), so holding the object whole anywhere fails the test.
 */
@Tag("slow")
@Tag("bounded-heap")
class LargeObjectStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void putsAndGetsAnObjectLargerThanTheHeap(@TempDir Path s3Root) throws Exception {
        roundTrip(s3Root, true);
    }

    /** Without a length S3 needs a multipart upload; camel-aws2-s3 alone would read the body whole to count it. */
    @Test
    void putsAnObjectOfUnknownLengthLargerThanTheHeap(@TempDir Path s3Root) throws Exception {
        roundTrip(s3Root, false);
    }

    private static void roundTrip(Path s3Root, boolean lengthKnown) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("heap must be smaller than the object")
                .isLessThan(SIZE);
        try (S3ProxySandbox s3 =
                        S3ProxySandbox.builder().filesystem(s3Root).build().start();
                StorageHarness harness = new StorageHarness()) {
            s3.createBucket("big");
            harness.secrets.put("acme", "prod", "ak", s3.accessKey()).put("acme", "prod", "sk", s3.secretKey());
            harness.instances.put(StorageHarness.instance(
                    "big",
                    StorageComponent.BACKEND_S3,
                    1,
                    Map.of(
                            StorageDefinitions.BUCKET,
                            "big",
                            StorageDefinitions.ENDPOINT,
                            s3.endpoint().toString(),
                            StorageDefinitions.PATH_STYLE,
                            "true",
                            StorageDefinitions.REGION,
                            S3ProxySandbox.REGION,
                            StorageDefinitions.ACCESS_KEY,
                            "secret:ak",
                            StorageDefinitions.SECRET_KEY,
                            "secret:sk")));

            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            Exchange put = harness.call(
                    "put_object",
                    "big",
                    new DigestInputStream(new GeneratedStream(SIZE), sent),
                    lengthKnown
                            ? Map.of(StorageConstants.KEY, "blobs/200m.bin", StorageConstants.CONTENT_LENGTH, SIZE)
                            : Map.of(StorageConstants.KEY, "blobs/200m.bin"));
            assertThat(put.getException()).isNull();

            Exchange get = harness.call("get_object", "big", null, Map.of(StorageConstants.KEY, "blobs/200m.bin"));
            assertThat(get.getException()).isNull();
            assertThat(get.getMessage().getHeader(StorageConstants.CONTENT_LENGTH, Long.class))
                    .isEqualTo(SIZE);
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            long read = 0;
            try (InputStream body = new DigestInputStream(get.getMessage().getBody(InputStream.class), received)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    read += n;
                }
            }
            assertThat(read).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(received.digest()))
                    .isEqualTo(HexFormat.of().formatHex(sent.digest()));
        }
    }

    /** Deterministic pseudo-random bytes (xorshift), produced on demand and never held. */
    private static final class GeneratedStream extends InputStream {
        private long remaining;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (int) (state & 0xFF);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
