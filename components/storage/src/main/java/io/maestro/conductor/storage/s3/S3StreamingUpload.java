package io.maestro.conductor.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A body of unknown length to S3 without holding it: camel-aws2-s3 reads such a body whole into memory to learn its
 * length, so the backend sends a body longer than one part here instead, as a multipart upload of {@link #PART_SIZE}
 * parts through one reused buffer. A failed upload is aborted, so no parts are left behind (S3 keeps, and bills,
 * the parts of an upload that was neither completed nor aborted).
 */
final class S3StreamingUpload {

    /** S3's smallest part is 5 MiB (except the last); 8 MiB keeps 200 MiB at 25 parts. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    private S3StreamingUpload() {}

    /**
     * @param buffer the body's first {@link #PART_SIZE} bytes ({@link #readFirstPart}); reused for the rest
     * @return the ETag of the completed object
     */
    static String upload(
            S3Client client, String bucket, String key, String contentType, byte[] buffer, InputStream rest) {
        String uploadId = client.createMultipartUpload(
                        request -> request.bucket(bucket).key(key).contentType(contentType))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int filled = buffer.length;
            while (filled > 0) {
                int number = parts.size() + 1;
                int length = filled;
                String etag = client.uploadPart(
                                request -> request.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) length),
                                RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                filled = length < buffer.length ? 0 : readFully(rest, buffer);
            }
            return client.completeMultipartUpload(request -> request.bucket(bucket)
                            .key(key)
                            .uploadId(uploadId)
                            .multipartUpload(upload -> upload.parts(parts)))
                    .eTag();
        } catch (RuntimeException e) {
            try {
                client.abortMultipartUpload(
                        request -> request.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** Up to {@link #PART_SIZE} bytes; a short body costs only its own size, not a whole part. */
    static byte[] readFirstPart(InputStream in) {
        try {
            return in.readNBytes(PART_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the object body failed", e);
        }
    }

    /** Reads until {@code buffer} is full or the stream ends; how many bytes it now holds. */
    private static int readFully(InputStream in, byte[] buffer) {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the object body failed", e);
        }
    }
}
