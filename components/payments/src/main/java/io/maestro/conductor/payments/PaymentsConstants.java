package io.maestro.conductor.payments;

import org.apache.camel.spi.Metadata;

/** Exchange headers of the {@code payments:} component. */
public final class PaymentsConstants {

    @Metadata(
            description = "Overrides the endpoint's operation for this exchange (create_customer, "
                    + "create_subscription, record_usage, invoice, get_invoice)",
            javaType = "String")
    public static final String OPERATION = "CamelConductorPaymentsOperation";

    @Metadata(
            description =
                    "The business fact a write is about (an account id, a billing period, an order): the "
                            + "idempotency key is derived from it, so the same fact is never charged twice. Required for writes",
            javaType = "String")
    public static final String BUSINESS_KEY = "CamelConductorPaymentsBusinessKey";

    @Metadata(
            description = "Stripe customer id: set by create_customer; read by create_subscription, record_usage "
                    + "and invoice (draft)",
            javaType = "String")
    public static final String CUSTOMER_ID = "CamelConductorPaymentsCustomerId";

    @Metadata(description = "create_subscription: the price (default: the instance's priceId)", javaType = "String")
    public static final String PRICE_ID = "CamelConductorPaymentsPriceId";

    @Metadata(
            description = "Stripe subscription id: set by create_subscription; read by invoice (draft) to bill its "
                    + "metered usage",
            javaType = "String")
    public static final String SUBSCRIPTION_ID = "CamelConductorPaymentsSubscriptionId";

    @Metadata(
            description = "record_usage: the usage to record (a number of zero or more)",
            javaType = "java.math.BigDecimal")
    public static final String QUANTITY = "CamelConductorPaymentsQuantity";

    @Metadata(description = "record_usage: when the usage happened (epoch seconds; default now)", javaType = "Long")
    public static final String TIMESTAMP = "CamelConductorPaymentsTimestamp";

    @Metadata(description = "invoice: draft (default) or finalize", javaType = "String")
    public static final String INVOICE_STEP = "CamelConductorPaymentsInvoiceStep";

    @Metadata(
            description = "Stripe invoice id: set by invoice (draft); read by invoice (finalize) and get_invoice",
            javaType = "String")
    public static final String INVOICE_ID = "CamelConductorPaymentsInvoiceId";

    @Metadata(description = "The invoice's status after the call (draft, open, paid, ...)", javaType = "String")
    public static final String INVOICE_STATUS = "CamelConductorPaymentsInvoiceStatus";

    @Metadata(description = "Stripe's Request-Id of the call", javaType = "String")
    public static final String REQUEST_ID = "CamelConductorPaymentsRequestId";

    private PaymentsConstants() {}
}
