package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v1/invoices}: create a draft, finalize, retrieve, list. A draft created for a subscription bills the
 * metered usage not yet billed, one line per metered item, aggregated by the item's meter. (Stripe bills metered
 * usage on the invoice that closes the subscription's period; the sandbox bills it on demand so a test need not wait
 * for a period to end.) Finalizing assigns the number; an invoice with nothing due is paid at once, as in Stripe.
 */
final class InvoiceApi {

    private final SandboxState state;
    private final MeterApi meters;

    InvoiceApi(SandboxState state, MeterApi meters) {
        this.state = state;
        this.meters = meters;
    }

    void register(Router router) {
        router.add("POST", "/v1/invoices", this::create)
                .add("GET", "/v1/invoices", this::list)
                .add("GET", "/v1/invoices/{id}", request -> invoice(request.pathVariable("id")))
                .add("POST", "/v1/invoices/{id}/finalize", this::finalizeInvoice);
    }

    private ObjectNode invoice(String id) {
        return SandboxState.require(state.invoices, id, "invoice", "id");
    }

    private ObjectNode create(StripeRequest request) {
        request.allow(
                "customer",
                "subscription",
                "auto_advance",
                "collection_method",
                "days_until_due",
                "description",
                "metadata",
                "pending_invoice_items_behavior",
                "currency");
        String customerId = request.requireString("customer");
        ObjectNode customer = SandboxState.require(state.customers, customerId, "customer", "customer");
        String subscriptionId = request.string("subscription");
        ObjectNode subscription = null;
        if (subscriptionId != null) {
            subscription = SandboxState.require(state.subscriptions, subscriptionId, "subscription", "subscription");
            if (!customerId.equals(subscription.get("customer").asText())) {
                throw StripeApiException.invalid(
                        null,
                        "The subscription " + subscriptionId + " does not belong to the customer " + customerId + ".",
                        "subscription");
            }
        }
        String collection =
                request.oneOf("collection_method", "charge_automatically", "charge_automatically", "send_invoice");
        Long daysUntilDue = request.integer("days_until_due");
        if ("send_invoice".equals(collection) && daysUntilDue == null) {
            throw StripeApiException.missingParam("days_until_due");
        }
        request.oneOf("pending_invoice_items_behavior", "exclude", "exclude", "include");
        Boolean autoAdvance = request.bool("auto_advance");

        long now = state.now();
        ObjectNode invoice = StripeObjects.create("invoice", "in", now);
        String invoiceId = invoice.get("id").asText();
        invoice.put("customer", customerId);
        invoice.put("customer_email", customer.get("email").asText(null));
        invoice.put("customer_name", customer.get("name").asText(null));
        invoice.put("collection_method", collection);
        if (daysUntilDue != null) {
            invoice.put("due_date", now + daysUntilDue * 86_400);
        }
        invoice.put("auto_advance", autoAdvance != null && autoAdvance);
        invoice.put("description", request.string("description"));
        invoice.put("status", "draft");
        invoice.put("period_start", now);
        invoice.put("period_end", now);
        String currency = request.string("currency");
        if (subscription != null) {
            currency = subscription.get("currency").asText();
            ObjectNode parent = invoice.putObject("parent");
            parent.putNull("quote_details");
            ObjectNode details = parent.putObject("subscription_details");
            details.putNull("metadata");
            details.put("subscription", subscriptionId);
            parent.put("type", "subscription_details");
            invoice.put("billing_reason", "manual");
        }
        invoice.put("currency", currency == null ? "usd" : currency.toLowerCase());
        ArrayNode lines = invoice.with("lines").putArray("data");
        invoice.with("lines").put("url", "/v1/invoices/" + invoiceId + "/lines");
        if (subscription != null) {
            for (JsonNode item : subscription.path("items").path("data")) {
                ObjectNode line = meteredLine(invoiceId, subscription, (ObjectNode) item, now);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        long total = 0;
        for (JsonNode line : lines) {
            total += line.get("amount").asLong();
        }
        for (String field : List.of(
                "subtotal",
                "subtotal_excluding_tax",
                "total",
                "total_excluding_tax",
                "amount_due",
                "amount_remaining")) {
            invoice.put(field, total);
        }
        StripeObjects.applyMetadata(invoice, request.map("metadata"));
        state.invoices.put(invoiceId, invoice);
        state.emit("invoice.created", invoice, request);
        return invoice;
    }

    /** The usage of one metered item not billed yet, as a line; null for a licensed item. */
    private ObjectNode meteredLine(String invoiceId, ObjectNode subscription, ObjectNode item, long now) {
        JsonNode price = item.get("price");
        String meterId = price.path("recurring").path("meter").asText(null);
        if (!"metered".equals(price.path("recurring").path("usage_type").asText()) || meterId == null) {
            return null;
        }
        ObjectNode meter = state.meters.get(meterId);
        long start = item.get("current_period_start").asLong();
        // Usage up to and including this second: events stamped "now" are billed now, not on the next invoice.
        MeterApi.Usage usage =
                meters.aggregate(meter, subscription.get("customer").asText(), 0, now + 1, true);
        usage.events().forEach(record -> record.invoice = invoiceId);
        BigDecimal quantity = usage.value().max(BigDecimal.ZERO);
        long amount = quantity.multiply(
                        BigDecimal.valueOf(price.get("unit_amount").asLong()))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        ObjectNode line = StripeObjects.create("line_item", "il", now);
        line.put("amount", amount);
        line.put("subtotal", amount);
        line.put("currency", price.get("currency").asText());
        ObjectNode product = state.products.get(price.get("product").asText());
        line.put(
                "description",
                quantity.toPlainString() + " × "
                        + (product == null
                                ? price.get("id").asText()
                                : product.get("name").asText()));
        line.put("invoice", invoiceId);
        line.put("quantity", quantity.setScale(0, RoundingMode.CEILING).longValueExact());
        line.put("quantity_decimal", quantity.toPlainString());
        line.with("period").put("start", start);
        line.with("period").put("end", now);
        ObjectNode parent = line.putObject("parent");
        parent.putNull("invoice_item_details");
        ObjectNode details = parent.putObject("subscription_item_details");
        details.putNull("invoice_item");
        details.put("proration", false);
        details.putNull("proration_details");
        details.put("subscription", subscription.get("id").asText());
        details.put("subscription_item", item.get("id").asText());
        parent.put("type", "subscription_item_details");
        line.with("pricing")
                .put("unit_amount_decimal", price.get("unit_amount_decimal").asText());
        ObjectNode priceDetails = line.with("pricing").putObject("price_details");
        priceDetails.put("price", price.get("id").asText());
        priceDetails.put("product", price.get("product").asText());
        return line;
    }

    private ObjectNode finalizeInvoice(StripeRequest request) {
        request.allow("auto_advance");
        ObjectNode invoice = invoice(request.pathVariable("id"));
        if (!"draft".equals(invoice.get("status").asText())) {
            throw StripeApiException.invalid(
                    "invoice_not_editable",
                    "This invoice is already finalized, you can't re-finalize a non-draft invoice.",
                    null);
        }
        long now = state.now();
        ObjectNode customer = state.customers.get(invoice.get("customer").asText());
        int sequence = customer.get("next_invoice_sequence").asInt();
        customer.put("next_invoice_sequence", sequence + 1);
        invoice.put("number", customer.get("invoice_prefix").asText() + String.format("-%04d", sequence));
        invoice.put("status", "open");
        invoice.put("effective_at", now);
        invoice.with("status_transitions").put("finalized_at", now);
        state.emit("invoice.finalized", invoice, request);
        if (invoice.get("amount_due").asLong() == 0) {
            invoice.put("status", "paid");
            invoice.with("status_transitions").put("paid_at", now);
            state.emit("invoice.paid", invoice, request);
        }
        return invoice;
    }

    private ObjectNode list(StripeRequest request) {
        request.allow("customer", "subscription", "status", "limit", "starting_after", "ending_before");
        String customer = request.string("customer");
        String subscription = request.string("subscription");
        String status = request.string("status");
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode invoice : SandboxState.newestFirst(state.invoices.values())) {
            if ((customer == null || customer.equals(invoice.get("customer").asText()))
                    && (subscription == null
                            || subscription.equals(invoice.path("parent")
                                    .path("subscription_details")
                                    .path("subscription")
                                    .asText(null)))
                    && (status == null || status.equals(invoice.get("status").asText()))) {
                matching.add(invoice);
            }
        }
        return Pagination.page(request, "/v1/invoices", "invoice", matching);
    }
}
