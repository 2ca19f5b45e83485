package io.maestro.conductor.storage;

import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import io.maestro.conductor.storage.backend.StorageBackend;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Reads and writes objects in the storage instance of the exchange's tenant (header ConductorTenant), named by the
 * option instance. Every call passes the governance gate before it reaches the store. Operations:
 * {@code put_object}, {@code get_object}, {@code list}, {@code delete}, {@code head}, {@code signed_url}.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "storage",
        title = "Conductor Storage",
        syntax = "storage:operation",
        producerOnly = true,
        category = {Category.CLOUD, Category.FILE},
        headersClass = StorageConstants.class)
public class StorageEndpoint extends AdapterEndpoint<StorageBackend> {

    @UriParam
    private StorageConfiguration configuration;

    public StorageEndpoint(String uri, StorageComponent component, StorageConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    protected Operations<StorageBackend> createOperations() {
        return StorageOperations.table(configuration);
    }

    public StorageConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(StorageConfiguration configuration) {
        this.configuration = configuration;
    }
}
