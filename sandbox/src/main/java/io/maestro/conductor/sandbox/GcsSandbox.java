package io.maestro.conductor.sandbox;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory Google Cloud Storage fake (google-cloud-nio's LocalStorageHelper). No GCS server can run
 * here, so this is the peer GCS code is tested against; each sandbox holds its own, isolated objects.
 *
 * <p>Known limits of the fake: buckets are implicit (any name holds objects, none can be created or found
 * missing), it cannot sign URLs, and it ignores credentials, so permission errors cannot be produced with it.
 */
public final class GcsSandbox implements AutoCloseable {

    private final Storage storage = LocalStorageHelper.customOptions(false).getService();

    /** The client bound to the fake; hand it to camel-google-storage as its storage client. */
    public Storage storage() {
        return storage;
    }

    /** Every object name in a bucket, read straight from the fake. */
    public List<String> objectNames(String bucket) {
        List<String> names = new ArrayList<>();
        for (Blob blob : storage.list(bucket).iterateAll()) {
            names.add(blob.getName());
        }
        return names;
    }

    @Override
    public void close() throws Exception {
        storage.close();
    }
}
