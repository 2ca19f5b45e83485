package io.maestro.conductor.storage;

import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Reads and writes objects in the storage instance of the exchange's tenant (header ConductorTenant), named by the
 * option instance. Every call passes the governance gate before it reaches the store.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "storage", title = "Conductor Storage", syntax = "storage:operation",
             producerOnly = true, category = {Category.CLOUD, Category.FILE},
             headersClass = StorageConstants.class)
public class StorageEndpoint extends AdapterEndpoint {

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private StorageOperation operation;
    @UriParam
    private StorageConfiguration configuration;

    public StorageEndpoint(String uri, StorageComponent component, StorageOperation operation,
                           StorageConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new StorageProducer(this);
    }

    @Override
    public StorageComponent getComponent() {
        return (StorageComponent) super.getComponent();
    }

    public StorageOperation getOperation() {
        return operation;
    }

    public void setOperation(StorageOperation operation) {
        this.operation = operation;
    }

    public StorageConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(StorageConfiguration configuration) {
        this.configuration = configuration;
    }
}
