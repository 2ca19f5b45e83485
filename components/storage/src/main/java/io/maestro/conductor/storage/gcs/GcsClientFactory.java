package io.maestro.conductor.storage.gcs;

import com.google.cloud.storage.Storage;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.storage.StorageInstanceConfig;

/**
 * Builds the GCS client of one instance config version. The default reads a service-account key from the tenant's
 * secrets; tests bind one that returns the in-memory fake.
 */
@FunctionalInterface
public interface GcsClientFactory {

    Storage create(ResolvedInstance instance, StorageInstanceConfig config, InstanceSecrets secrets) throws Exception;
}
