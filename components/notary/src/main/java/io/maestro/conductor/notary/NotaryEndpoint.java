package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;

/**
 * Signs and timestamps content for the notary instance of the exchange's tenant (header ConductorTenant), named by
 * the option instance. Every call passes the governance gate first. Operations: {@code sign} (JWS with the tenant's
 * key), {@code timestamp} (RFC 3161 token from the instance's TSA), {@code seal} (both; the body becomes the Seal).
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "notary",
        title = "Conductor Notary",
        syntax = "notary:operation",
        producerOnly = true,
        category = {Category.SECURITY},
        headersClass = NotaryConstants.class)
public class NotaryEndpoint extends AdapterEndpoint<NotaryBackend> {

    public NotaryEndpoint(String uri, NotaryComponent component) {
        super(uri, component);
    }

    @Override
    protected Operations<NotaryBackend> createOperations() {
        return NotaryOperations.table();
    }
}
