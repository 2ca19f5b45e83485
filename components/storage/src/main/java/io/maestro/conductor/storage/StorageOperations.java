package io.maestro.conductor.storage;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.camel.Operations;
import io.maestro.conductor.storage.backend.ObjectContent;
import io.maestro.conductor.storage.backend.ObjectInfo;
import io.maestro.conductor.storage.backend.ObjectPage;
import io.maestro.conductor.storage.backend.StorageBackend;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * The storage operations, one handler per {@link StorageOperation}, on the endpoint's options. Keys in headers and
 * results are relative to the instance's key prefix; the prefix never leaves the adapter except inside
 * {@link StorageConstants#LOCATION}.
 */
final class StorageOperations {

    /** V4 signatures (S3 and GCS) are valid for at most seven days. */
    private static final long MAX_SIGNED_URL_SECONDS = Duration.ofDays(7).toSeconds();

    private final StorageConfiguration options;

    private StorageOperations(StorageConfiguration options) {
        this.options = options;
    }

    static Operations<StorageBackend> table(StorageConfiguration options) {
        StorageOperations storage = new StorageOperations(options);
        return new Operations<StorageBackend>()
                .on(StorageOperation.put_object.name(), storage::put)
                .on(StorageOperation.get_object.name(), StorageOperations::get)
                .on(StorageOperation.list.name(), storage::list)
                .on(StorageOperation.delete.name(), StorageOperations::delete)
                .on(StorageOperation.head.name(), StorageOperations::head)
                .on(StorageOperation.signed_url.name(), storage::signedUrl);
    }

    /**
     * The full key of the exchange's {@link StorageConstants#KEY}, checked against the prefix; its location goes
     * to {@link StorageConstants#LOCATION}, the endpoint the call goes to to {@link StorageConstants#ENDPOINT}. The
     * backend was built from this config version, so its keys are the instance's (no per-call parsing).
     */
    private static String fullKey(Message message, StorageBackend backend) {
        String fullKey = backend.keys().objectKey(message.getHeader(StorageConstants.KEY, String.class));
        message.setHeader(StorageConstants.LOCATION, backend.locationOf(fullKey));
        message.setHeader(StorageConstants.ENDPOINT, backend.endpoint());
        return fullKey;
    }

    private void put(Exchange exchange, StorageBackend backend, Invocation invocation) {
        Message message = exchange.getMessage();
        String fullKey = fullKey(message, backend);
        // Only without the header is the body asked for its length (a file's is a file-system call).
        long length =
                message.getHeader(StorageConstants.CONTENT_LENGTH, () -> knownLength(message.getBody()), Long.class);
        InputStream body = message.getBody(InputStream.class);
        if (body == null) {
            throw new AdapterException(
                    SpiErrorCode.REQUEST_INVALID, invocation.instanceId(), "put_object needs a body");
        }
        String contentType = message.getHeader(StorageConstants.CONTENT_TYPE, options.getContentType(), String.class);
        ObjectInfo written = backend.put(fullKey, body, length, contentType);
        message.setHeader(StorageConstants.ETAG, written.etag());
        message.setBody(null);
    }

    /** The length of bodies that carry it (files, byte arrays), so they stream without a length header. */
    private static long knownLength(Object body) {
        Object payload = body instanceof WrappedFile ? ((WrappedFile<?>) body).getFile() : body;
        if (payload instanceof File) {
            return ((File) payload).length();
        }
        if (payload instanceof Path) {
            return ((Path) payload).toFile().length();
        }
        if (payload instanceof byte[]) {
            return ((byte[]) payload).length;
        }
        return -1L;
    }

    private static void get(Exchange exchange, StorageBackend backend, Invocation invocation) {
        Message message = exchange.getMessage();
        ObjectContent content = backend.get(fullKey(message, backend));
        describe(message, content.info());
        message.setBody(content.stream());
    }

    private static void head(Exchange exchange, StorageBackend backend, Invocation invocation) {
        Message message = exchange.getMessage();
        Optional<ObjectInfo> info = backend.head(fullKey(message, backend));
        message.setHeader(StorageConstants.EXISTS, info.isPresent());
        info.ifPresent(found -> describe(message, found));
        message.setBody(null);
    }

    private static void delete(Exchange exchange, StorageBackend backend, Invocation invocation) {
        backend.delete(fullKey(exchange.getMessage(), backend));
        exchange.getMessage().setBody(null);
    }

    private void signedUrl(Exchange exchange, StorageBackend backend, Invocation invocation) {
        Message message = exchange.getMessage();
        String fullKey = fullKey(message, backend);
        long seconds = message.getHeader(
                StorageConstants.SIGNED_URL_EXPIRY_SECONDS, options.getSignedUrlExpirySeconds(), Long.class);
        if (seconds < 1 || seconds > MAX_SIGNED_URL_SECONDS) {
            throw new AdapterException(
                    SpiErrorCode.REQUEST_INVALID,
                    invocation.instanceId(),
                    "signed URL lifetime must be 1.." + MAX_SIGNED_URL_SECONDS + " seconds");
        }
        message.setBody(backend.signedUrl(fullKey, Duration.ofSeconds(seconds)));
        message.setHeader(StorageConstants.SIGNED_URL_EXPIRES_AT, Instant.now().plusSeconds(seconds));
    }

    private void list(Exchange exchange, StorageBackend backend, Invocation invocation) {
        Message message = exchange.getMessage();
        StorageKeys keys = backend.keys();
        int maxKeys = message.getHeader(StorageConstants.MAX_KEYS, options.getMaxKeys(), Integer.class);
        if (maxKeys < 1 || maxKeys > 1000) {
            throw new AdapterException(
                    SpiErrorCode.REQUEST_INVALID, invocation.instanceId(), "maxKeys must be 1..1000");
        }
        ObjectPage page = backend.list(
                keys.listPrefix(message.getHeader(StorageConstants.PREFIX, String.class)),
                message.getHeader(StorageConstants.CONTINUATION_TOKEN, String.class),
                maxKeys);
        List<String> relativeKeys = new ArrayList<>(page.objects().size());
        for (ObjectInfo object : page.objects()) {
            relativeKeys.add(keys.relative(object.fullKey()));
        }
        message.setBody(relativeKeys);
        if (page.nextToken() != null) {
            message.setHeader(StorageConstants.NEXT_CONTINUATION_TOKEN, page.nextToken());
        } else {
            message.removeHeader(StorageConstants.NEXT_CONTINUATION_TOKEN);
        }
    }

    private static void describe(Message message, ObjectInfo info) {
        if (info.length() >= 0) {
            message.setHeader(StorageConstants.CONTENT_LENGTH, info.length());
        }
        message.setHeader(StorageConstants.CONTENT_TYPE, info.contentType());
        message.setHeader(StorageConstants.ETAG, info.etag());
        message.setHeader(StorageConstants.LAST_MODIFIED, info.lastModified());
    }
}
