package io.maestro.conductor.notify;

import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;

/**
 * Sends a notification through the notify instance of the exchange's tenant (header ConductorTenant), named by the
 * option instance: e-mail from the tenant's templates, or a signed webhook. Every call passes the governance gate
 * first. Operation: {@code send}.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "notify",
        title = "Conductor Notify",
        syntax = "notify:operation",
        producerOnly = true,
        category = {Category.MAIL, Category.HTTP},
        headersClass = NotifyConstants.class)
public class NotifyEndpoint extends AdapterEndpoint<NotifyBackend> {

    public NotifyEndpoint(String uri, NotifyComponent component) {
        super(uri, component);
    }

    @Override
    protected Operations<NotifyBackend> createOperations() {
        return NotifyOperations.table();
    }
}
