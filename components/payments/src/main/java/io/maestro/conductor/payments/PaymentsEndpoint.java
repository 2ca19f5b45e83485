package io.maestro.conductor.payments;

import io.maestro.conductor.adapter.camel.AdapterEndpoint;
import io.maestro.conductor.adapter.camel.Operations;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;

/**
 * Calls Stripe for the payments instance of the exchange's tenant (header ConductorTenant), named by the option
 * instance. Every call passes the governance gate first. Operations: {@code create_customer},
 * {@code create_subscription}, {@code record_usage}, {@code invoice} (draft or finalize), {@code get_invoice}.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "payments",
        title = "Conductor Payments",
        syntax = "payments:operation",
        producerOnly = true,
        category = {Category.SAAS},
        headersClass = PaymentsConstants.class)
public class PaymentsEndpoint extends AdapterEndpoint<StripeBackend> {

    public PaymentsEndpoint(String uri, PaymentsComponent component) {
        super(uri, component);
    }

    @Override
    protected Operations<StripeBackend> createOperations() {
        return PaymentsOperations.table();
    }
}
