package io.maestro.conductor.storage.backend;

import io.maestro.conductor.storage.StorageConstants;
import io.maestro.conductor.storage.StorageKeys;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * One storage instance's connection to its store, built once per instance config version. Keys here are full keys
 * (prefix included) that {@link io.maestro.conductor.storage.StorageKeys} already checked. Failures leave as
 * {@link io.maestro.conductor.adapter.AdapterException} with a {@code STORAGE_*} code.
 */
public interface StorageBackend extends AutoCloseable {

    /** The endpoint override this backend's client talks to, or {@link StorageConstants#DEFAULT_ENDPOINT}. */
    String endpoint();

    /** The key space of the instance config version this backend was built for (its key prefix). */
    StorageKeys keys();

    /** backend name and bucket as a location base, e.g. {@code s3://evidence}. */
    String locationOf(String fullKey);

    /** Streams {@code body} to the store; {@code length} -1 means unknown (the backend may then buffer). */
    ObjectInfo put(String fullKey, InputStream body, long length, String contentType);

    /** The object's content as a stream the caller must close. */
    ObjectContent get(String fullKey);

    ObjectPage list(String fullPrefix, String continuationToken, int maxKeys);

    /** Empty when there is no such object. */
    Optional<ObjectInfo> head(String fullKey);

    /** Deletes the object; deleting a missing object is not an error (as in S3). */
    void delete(String fullKey);

    /** A time-limited URL that reads the object without credentials. */
    String signedUrl(String fullKey, Duration expiry);

    @Override
    void close();
}
