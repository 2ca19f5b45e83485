package io.maestro.conductor.storage.backend;

import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.storage.StorageConstants;
import io.maestro.conductor.storage.StorageInstanceConfig;
import io.maestro.conductor.storage.StorageKeys;

/** What every bucket store's backend knows of its instance: the instance id for errors, the bucket, the key space. */
public abstract class BucketBackend implements StorageBackend {

    protected final String instanceId;
    protected final String bucket;
    private final StorageKeys keys;
    /** {@code <scheme>://<bucket>/}, what every location starts with. */
    private final String locationBase;

    private final String endpoint;

    /** @param scheme the location scheme of the store, e.g. {@code s3} or {@code gs} */
    protected BucketBackend(ResolvedInstance instance, StorageInstanceConfig config, String scheme) {
        this.instanceId = instance.ref().id();
        this.bucket = config.bucket();
        this.keys = new StorageKeys(config.keyPrefix(), instanceId);
        this.locationBase = scheme + "://" + bucket + "/";
        this.endpoint = config.endpoint().orElse(StorageConstants.DEFAULT_ENDPOINT);
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public StorageKeys keys() {
        return keys;
    }

    @Override
    public String locationOf(String fullKey) {
        return locationBase + fullKey;
    }
}
