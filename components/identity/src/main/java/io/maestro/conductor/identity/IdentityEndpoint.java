package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;

/**
 * Validates tokens against, and provisions users in, the identity instance of the exchange's tenant (header
 * ConductorTenant), named by the option instance. Every call passes the governance gate first. Operations:
 * {@code validate_token}, {@code fetch_claims}, {@code map_attributes}, {@code create_user}, {@code update_user},
 * {@code deactivate_user}, {@code assign_group}, {@code remove_group}, {@code assign_role}, {@code remove_role}.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "identity",
        title = "Conductor Identity",
        syntax = "identity:operation",
        producerOnly = true,
        category = {Category.SECURITY},
        headersClass = IdentityConstants.class)
public class IdentityEndpoint extends AdapterEndpoint<IdentityBackend> {

    public IdentityEndpoint(String uri, IdentityComponent component) {
        super(uri, component);
    }

    @Override
    protected Operations<IdentityBackend> createOperations() {
        return IdentityOperations.table();
    }
}
