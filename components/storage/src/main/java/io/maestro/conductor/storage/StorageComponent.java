package io.maestro.conductor.storage;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.camel.AdapterComponent;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.adapter.secret.InstanceSecrets;
import io.maestro.conductor.storage.backend.StorageBackend;
import io.maestro.conductor.storage.gcs.GcsClientFactory;
import io.maestro.conductor.storage.gcs.GcsStorageBackend;
import io.maestro.conductor.storage.gcs.ServiceAccountGcsClientFactory;
import io.maestro.conductor.storage.s3.S3StorageBackend;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * The {@code storage:} component: object storage per tenant over S3-compatible stores and Google Cloud Storage.
 * Which store, bucket and credentials a call uses comes from the adapter instance the exchange's tenant addresses.
 */
@Component("storage")
public class StorageComponent extends AdapterComponent<StorageBackend> {

    public static final String CATEGORY = "storage";
    /** Backends are named by the registry's adapter definitions. */
    public static final String BACKEND_S3 = "s3-storage";

    public static final String BACKEND_GCS = "gcs-storage";

    @Metadata(description = "Defaults for the endpoints' per-call options")
    private StorageConfiguration configuration = new StorageConfiguration();

    @Metadata(
            autowired = true,
            label = "advanced",
            description = "Builds GCS clients; the default reads a service-account key from the tenant's secrets")
    private GcsClientFactory gcsClientFactory = new ServiceAccountGcsClientFactory();

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    protected StorageEndpoint newEndpoint(String uri) {
        return new StorageEndpoint(uri, this, configuration.copy());
    }

    @Override
    protected StorageBackend createDelegate(ResolvedInstance instance, InstanceSecrets secrets) throws Exception {
        StorageInstanceConfig config = StorageInstanceConfig.of(instance);
        if (BACKEND_S3.equals(instance.backend())) {
            return new S3StorageBackend(getCamelContext(), instance, config, secrets);
        }
        if (BACKEND_GCS.equals(instance.backend())) {
            return new GcsStorageBackend(
                    getCamelContext(), instance, config, gcsClientFactory.create(instance, config, secrets));
        }
        throw new AdapterException(
                SpiErrorCode.CONFIG_INVALID,
                instance.ref().id(),
                "storage backend '" + instance.backend() + "' is not supported (" + BACKEND_S3 + ", " + BACKEND_GCS
                        + ")");
    }

    /** Lists at most one key under the instance's prefix: proves endpoint, credentials, bucket and list rights. */
    @Override
    protected void probe(StorageBackend backend, ResolvedInstance instance) {
        backend.list(backend.keys().listPrefix(null), null, 1);
    }

    public StorageConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(StorageConfiguration configuration) {
        this.configuration = configuration;
    }

    public GcsClientFactory getGcsClientFactory() {
        return gcsClientFactory;
    }

    public void setGcsClientFactory(GcsClientFactory gcsClientFactory) {
        this.gcsClientFactory = gcsClientFactory;
    }
}
