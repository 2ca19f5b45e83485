package io.maestro.conductor.ticketing;

import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;

/**
 * Tickets in the ticketing instance of the exchange's tenant (header ConductorTenant), named by the option instance.
 * Every call passes the governance gate first. Operations: {@code create} (idempotent by external key),
 * {@code update}, {@code comment}, {@code close}, {@code lookup}.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "ticketing",
        title = "Conductor Ticketing",
        syntax = "ticketing:operation",
        producerOnly = true,
        category = {Category.API, Category.HTTP},
        headersClass = TicketingConstants.class)
public class TicketingEndpoint extends AdapterEndpoint<TicketingBackend> {

    public TicketingEndpoint(String uri, TicketingComponent component) {
        super(uri, component);
    }

    @Override
    protected Operations<TicketingBackend> createOperations() {
        return TicketingOperations.table();
    }
}
