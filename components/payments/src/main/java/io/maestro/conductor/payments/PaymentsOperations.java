package io.maestro.conductor.payments;

import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.billing.MeterEvent;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.camel.Operations;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The payments operations on headers ({@link PaymentsConstants}); each answers with the Stripe object as JSON in
 * the body and its ids in headers. {@code create_customer} takes a map body with {@code email}, {@code name} and
 * {@code metadata} (all optional).
 */
final class PaymentsOperations {

    private PaymentsOperations() {}

    static Operations<StripeBackend> table() {
        return new Operations<StripeBackend>()
                .on("create_customer", PaymentsOperations::createCustomer)
                .on("create_subscription", PaymentsOperations::createSubscription)
                .on("record_usage", PaymentsOperations::recordUsage)
                .on("invoice", PaymentsOperations::invoice)
                .on("get_invoice", PaymentsOperations::getInvoice);
    }

    private static CallContext context(Invocation call) {
        return new CallContext(
                call.instance().ref().tenant(),
                call.instance().ref().environment(),
                call.instance().ref().instance(),
                call.correlationId());
    }

    @SuppressWarnings("unchecked")
    private static void createCustomer(Exchange exchange, StripeBackend stripe, Invocation call) {
        Message message = exchange.getMessage();
        Map<String, Object> body = message.getBody(Map.class);
        Map<String, Object> fields = body == null ? Map.of() : body;
        Object metadata = fields.get("metadata");
        Customer customer = stripe.createCustomer(
                context(call),
                message.getHeader(PaymentsConstants.BUSINESS_KEY, String.class),
                text(fields.get("email")),
                text(fields.get("name")),
                metadata instanceof Map ? (Map<String, String>) metadata : null);
        message.setHeader(PaymentsConstants.CUSTOMER_ID, customer.getId());
        answer(message, customer);
    }

    private static void createSubscription(Exchange exchange, StripeBackend stripe, Invocation call) {
        Message message = exchange.getMessage();
        Subscription subscription = stripe.createSubscription(
                context(call),
                message.getHeader(PaymentsConstants.BUSINESS_KEY, String.class),
                message.getHeader(PaymentsConstants.CUSTOMER_ID, String.class),
                message.getHeader(PaymentsConstants.PRICE_ID, String.class));
        message.setHeader(PaymentsConstants.SUBSCRIPTION_ID, subscription.getId());
        answer(message, subscription);
    }

    private static void recordUsage(Exchange exchange, StripeBackend stripe, Invocation call) {
        Message message = exchange.getMessage();
        Long timestamp = message.getHeader(PaymentsConstants.TIMESTAMP, Long.class);
        MeterEvent event = stripe.recordUsage(
                context(call),
                message.getHeader(PaymentsConstants.BUSINESS_KEY, String.class),
                message.getHeader(PaymentsConstants.CUSTOMER_ID, String.class),
                quantity(message.getHeader(PaymentsConstants.QUANTITY), call),
                timestamp == null ? null : Instant.ofEpochSecond(timestamp));
        answer(message, event);
    }

    private static void invoice(Exchange exchange, StripeBackend stripe, Invocation call) {
        Message message = exchange.getMessage();
        String step = message.getHeader(PaymentsConstants.INVOICE_STEP, "draft", String.class);
        Invoice invoice;
        if ("draft".equals(step)) {
            invoice = stripe.createDraftInvoice(
                    context(call),
                    message.getHeader(PaymentsConstants.BUSINESS_KEY, String.class),
                    message.getHeader(PaymentsConstants.CUSTOMER_ID, String.class),
                    message.getHeader(PaymentsConstants.SUBSCRIPTION_ID, String.class),
                    null);
        } else if ("finalize".equals(step)) {
            invoice = stripe.finalizeInvoice(
                    context(call), message.getHeader(PaymentsConstants.INVOICE_ID, String.class));
        } else {
            throw PaymentsException.of(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID,
                    context(call),
                    "invoice step must be draft or finalize");
        }
        answerInvoice(message, invoice);
    }

    private static void getInvoice(Exchange exchange, StripeBackend stripe, Invocation call) {
        Message message = exchange.getMessage();
        answerInvoice(
                message,
                stripe.getInvoice(context(call), message.getHeader(PaymentsConstants.INVOICE_ID, String.class)));
    }

    private static void answerInvoice(Message message, Invoice invoice) {
        message.setHeader(PaymentsConstants.INVOICE_ID, invoice.getId());
        message.setHeader(PaymentsConstants.INVOICE_STATUS, invoice.getStatus());
        answer(message, invoice);
    }

    private static void answer(Message message, StripeObject object) {
        if (object.getLastResponse() != null) {
            message.setHeader(
                    PaymentsConstants.REQUEST_ID, object.getLastResponse().requestId());
        }
        message.setBody(object.toJson());
    }

    /** A number or its text; anything else is refused rather than recorded as nothing. */
    private static BigDecimal quantity(Object value, Invocation call) {
        if (value == null) {
            return null;
        }
        try {
            return value instanceof BigDecimal
                    ? (BigDecimal) value
                    : new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw PaymentsException.of(
                    PaymentsErrorCode.PAYMENTS_REQUEST_INVALID,
                    context(call),
                    "record_usage quantity must be a number");
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
